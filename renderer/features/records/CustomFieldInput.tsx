import { Checkbox, MultiSelect, Select, TextInput } from '@mantine/core';
import { DecimalInput } from '../../components/DecimalInput';
import { LONG_TEXT_MAX } from '../../../shared/domain/common';
import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { DateField } from '../../components/DateField';

type CustomFieldInputProps = {
  definition: CustomFieldDefinition;
  value: CustomFieldValues[string];
  onChange: (value: CustomFieldValues[string]) => void;
  /** In a detail page's row, which names the field already: no label of its own, focused at once. */
  inline?: boolean;
};

/** The input an admin-defined field's type needs. */
export function CustomFieldInput({ definition, value, onChange, inline = false }: CustomFieldInputProps) {
  const common = {
    label: inline ? undefined : definition.label,
    'aria-label': definition.label,
    name: `custom-${definition.key}`,
    autoFocus: inline,
  };
  switch (definition.type) {
    case 'number':
      return <DecimalInput {...common} value={typeof value === 'number' ? value : null} onChange={onChange} />;
    case 'date':
      return (
        <DateField
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(date) => onChange(date || null)}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          {...common}
          label={inline ? undefined : definition.label}
          mt={inline ? 0 : 'lg'}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={definition.options}
          value={typeof value === 'string' ? value : null}
          onChange={(selected) => onChange(selected)}
          clearable
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={definition.options}
          value={Array.isArray(value) ? value : []}
          onChange={(selected) => onChange(selected)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          maxLength={LONG_TEXT_MAX}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || null)}
        />
      );
  }
}
