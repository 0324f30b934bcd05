import { AppError } from '../../shared/errors';
import type { CustomFieldDefinition, CustomFieldValue, CustomFieldValues } from '../../shared/domain/custom-fields';
import { IsoDate, LONG_TEXT_MAX } from '../../shared/domain/common';
import type { CustomValueRow } from '../db/repositories/custom-fields';

function invalid(field: CustomFieldDefinition, reason: string): AppError {
  return new AppError('InvalidInput', `${field.label}: ${reason}`, { field: field.key });
}

/** Checks values against their fields' types and turns them into typed rows (several for a multi-select). */
export function customValuesToRows(definitions: CustomFieldDefinition[], values: CustomFieldValues): CustomValueRow[] {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const rows: CustomValueRow[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) throw new AppError('InvalidInput', `Unknown custom field: ${key}`, { field: key });
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    rows.push(...valueRows(field, value));
  }
  return rows;
}

function valueRows(field: CustomFieldDefinition, value: Exclude<CustomFieldValue, null>): CustomValueRow[] {
  const one = (text: string | null, number: number | null) => [{ fieldId: field.id, text, number }];
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') throw invalid(field, 'expected text');
      // Only spaces: no value, as an empty box is (an "is empty" filter finds it).
      const text = value.trim();
      if (text.length > LONG_TEXT_MAX) throw invalid(field, `longer than ${LONG_TEXT_MAX} characters`);
      return text === '' ? [] : one(text, null);
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(field, 'expected a number');
      return one(null, value);
    case 'date':
      // A day of the calendar: 2026-02-31 has the shape but is no date.
      if (typeof value !== 'string' || !IsoDate.safeParse(value).success) {
        throw invalid(field, 'expected a date (YYYY-MM-DD)');
      }
      return one(value, null);
    case 'checkbox':
      if (typeof value !== 'boolean') throw invalid(field, 'expected yes or no');
      return one(null, value ? 1 : 0);
    case 'select':
      if (typeof value !== 'string' || !field.options.includes(value)) throw invalid(field, 'not one of the options');
      return one(value, null);
    case 'multiselect': {
      if (!Array.isArray(value) || value.some((item) => !field.options.includes(item))) {
        throw invalid(field, 'not among the options');
      }
      return [...new Set(value)].map((item) => ({ fieldId: field.id, text: item, number: null }));
    }
  }
}

/** Typed rows back into values by key; fields with no rows are left out. */
export function rowsToCustomValues(definitions: CustomFieldDefinition[], rows: CustomValueRow[]): CustomFieldValues {
  const values: CustomFieldValues = {};
  for (const field of definitions) {
    const own = rows.filter((row) => row.fieldId === field.id);
    if (own.length === 0) continue;
    const first = own[0]!;
    switch (field.type) {
      case 'number':
        values[field.key] = first.number;
        break;
      case 'checkbox':
        values[field.key] = first.number === 1;
        break;
      case 'multiselect':
        values[field.key] = field.options.filter((option) => own.some((row) => row.text === option));
        break;
      default:
        values[field.key] = first.text;
    }
  }
  return values;
}
