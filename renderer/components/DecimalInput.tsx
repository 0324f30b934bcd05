import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type DecimalInputProps = Omit<NumberInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange: (value: number | null) => void;
};

/**
 * A number box that takes what a person types: in Russian a decimal comma (a dot too) and spaces
 * between thousands. Half-typed text («1250000,») stays in the box while the value stays the last
 * whole number: reading it as "no number" wiped what was typed.
 */
export function DecimalInput({ value, onChange, ...props }: DecimalInputProps) {
  const { i18n } = useTranslation();
  const russian = i18n.language.startsWith('ru');
  const [text, setText] = useState<string | number>(value ?? '');
  const emitted = useRef(value);
  useEffect(() => {
    // Changed from outside (another record, a reset): show that.
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value ?? '');
    }
  }, [value]);

  return (
    <NumberInput
      {...props}
      value={text}
      decimalSeparator={russian ? ',' : '.'}
      allowedDecimalSeparators={russian ? [',', '.'] : ['.']}
      thousandSeparator={russian ? ' ' : ','}
      onChange={(next) => {
        setText(next);
        const number = typeof next === 'number' ? next : next === '' ? null : undefined;
        if (number === undefined) return;
        emitted.current = number;
        onChange(number);
      }}
    />
  );
}
