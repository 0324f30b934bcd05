import { emailLabels, phoneLabels } from '../../../shared/domain/contact-points';
import type { ImportEntity } from '../../../shared/domain/import-fields';

const phones = phoneLabels.map((label) => `phone.${label}`);
const emails = emailLabels.map((label) => `email.${label}`);

/** The export fields behind each list column; a column missing here (a count) has no field. */
const fieldsOfColumn: Record<ImportEntity, Record<string, readonly string[]>> = {
  person: {
    name: ['lastName', 'firstName', 'middleName'],
    company: ['company'],
    position: ['position'],
    phone: phones,
    email: emails,
    city: ['address.city'],
    owner: ['owner'],
    tags: ['tags'],
    source: ['source'],
  },
  company: {
    name: ['name'],
    industry: ['industry'],
    phone: phones,
    email: emails,
    city: ['address.city'],
    owner: ['owner'],
    tags: ['tags'],
    source: ['source'],
  },
};

/**
 * The export field keys for a list's visible columns, in their order; null (every field) when
 * none of them map to a field.
 */
export function exportColumnsFor(entity: ImportEntity, listColumns: readonly string[]): string[] | null {
  const keys: string[] = [];
  for (const column of listColumns) {
    const fields = column.startsWith('custom.') ? [column] : (fieldsOfColumn[entity][column] ?? []);
    for (const key of fields) if (!keys.includes(key)) keys.push(key);
  }
  return keys.length > 0 ? keys : null;
}

/** "Люди 2026-11-23": a list's title and today's local date, for the suggested file name. */
export function suggestedFileName(title: string, now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${title} ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
