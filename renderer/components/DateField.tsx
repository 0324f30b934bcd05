import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateBoxFormat, parseTypedDate } from './typed-date';

type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'withTime' | 'name' | 'defaultValue' | 'popoverProps'
> & {
  /** "YYYY-MM-DD", or with `withTime` local "YYYY-MM-DDTHH:mm"; '' for none. */
  value: string;
  onChange: (value: string) => void;
  withTime?: boolean;
  /** Set on the box a person types in (the hidden form value keeps none), for tests and autofill. */
  name?: string;
  /** Where the calendar goes (inside a popover, say); its opening and closing are the field's own. */
  popoverProps?: { withinPortal?: boolean };
};

/**
 * A date box that reads and writes dates the app's way, whatever the computer's locale (a native
 * date input follows the operating system: mm/dd/yyyy in a Russian UI on an English Windows):
 * 14.03.1985 typed or picked from a calendar that starts on Monday in Russian. A date that can't
 * be (31.02) is not taken. Left with text that reads as no date, the box goes back to the date it
 * held before this edit: the box reads dates as they are typed, and «14.03.198» left half-typed
 * had already been read as 14.03.2019 on its way through «14.03.19». Enter on such text puts the
 * date back too, and saves nothing (a form or an inline edit would have saved 14.03.2019).
 */
export function DateField({ value, onChange, withTime = false, name, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const russian = language.startsWith('ru');
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [valueBeforeEdit, setValueBeforeEdit] = useState(value);
  // A new box shows the date put back (the library keeps the typed text until the next blur).
  const [revision, setRevision] = useState(0);
  // Put back on Enter, the new box keeps the focus (on blur, the focus has gone on elsewhere).
  const [focusNewBox, setFocusNewBox] = useState(false);
  /** Whether the text is half-typed (no date), and if so puts back the date held before this edit. */
  function putBackHalfTyped(text: string, refocus: boolean): boolean {
    if (text.trim() === '' || parseTypedDate(text, language, withTime) !== null) return false;
    onChange(valueBeforeEdit);
    setFocusNewBox(refocus);
    setRevision((current) => current + 1);
    return true;
  }
  return (
    <DatesProvider settings={{ locale: russian ? 'ru' : 'en', firstDayOfWeek: russian ? 1 : 0 }}>
      <DateInput
        key={revision}
        placeholder={t(withTime ? 'common.dateTimePlaceholder' : 'common.datePlaceholder')}
        clearable={!props.required}
        {...props}
        autoFocus={focusNewBox || props.autoFocus}
        popoverProps={{
          ...props.popoverProps,
          onOpen: () => setCalendarOpen(true),
          onClose: () => setCalendarOpen(false),
        }}
        onKeyDown={(event) => {
          // An Esc with the calendar open closes the calendar only, not the editor or popover around.
          if (event.key === 'Escape' && calendarOpen) event.stopPropagation();
          if (event.key === 'Enter' && putBackHalfTyped(event.currentTarget.value, true)) {
            event.preventDefault();
            event.stopPropagation();
            return;
          }
          props.onKeyDown?.(event);
        }}
        onFocus={(event) => {
          setValueBeforeEdit(value);
          props.onFocus?.(event);
        }}
        onBlur={(event) => {
          if (value !== valueBeforeEdit) putBackHalfTyped(event.currentTarget.value, false);
          props.onBlur?.(event);
        }}
        data-name={name}
        withTime={withTime}
        valueFormat={dateBoxFormat(language, withTime)}
        dateParser={(text) => parseTypedDate(text, language, withTime)}
        value={value === '' ? null : withTime ? `${value.replace('T', ' ')}:00` : value}
        onChange={(next) => onChange(next === null ? '' : withTime ? withTimeOf(next, value) : next)}
      />
    </DatesProvider>
  );
}

/**
 * The box's value as local "YYYY-MM-DDTHH:mm". A day picked in the calendar comes without a time
 * ("2025-11-03"): the time held before stays (read alone, that day was UTC midnight, 03:00 in Moscow).
 */
function withTimeOf(next: string, previous: string): string {
  const time = next.length > 10 ? next.slice(11, 16) : previous.slice(11, 16) || '00:00';
  return `${next.slice(0, 10)}T${time}`;
}
