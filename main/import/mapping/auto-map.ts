import type { CellValue } from '../../spreadsheets/cell';
import type { CustomFieldType } from '../../../shared/domain/custom-fields';
import { addressLabels, type AddressLabel } from '../../../shared/domain/contact-points';
import {
  ADDRESS_GROUPS,
  addressGroupOf,
  customFieldTarget,
  importFieldsOf,
  isContactTarget,
  type ImportEntity,
} from '../../../shared/domain/import-fields';
import { labelColumnFor } from './contact-labels';
import { headerMeaning, type HeaderMeaning } from './header-synonyms';
import { labelKey } from './label-key';
import { profileColumn } from './profile-column';

export { headerSignature, templateSignatures } from './header-signature';
export { labelColumnFor } from './contact-labels';
export { profileColumn, type ColumnProfile } from './profile-column';

export type AutoMapInput = {
  entity: ImportEntity;
  headers: string[];
  /** Sample values per column. */
  samples: CellValue[][];
  customFields: Array<{ key: string; label: string; type: CustomFieldType }>;
};

export type ColumnSuggestion = {
  index: number;
  header: string;
  targets: string[];
  confidence: 'header' | 'values' | 'none';
  /** The column saying which kind each row's phone or e-mail is (Google's "Phone 1 - Label"). */
  labelColumn: number | null;
  /** The kind of address the header names ("Home Street"), for an address's parts. */
  addressLabel: AddressLabel | null;
};

const NAME_PARTS = ['firstName', 'lastName', 'middleName'];

type Resolved = { meaning: HeaderMeaning; confidence: 'header' | 'values' };

/** Custom fields by label, and by our own export's "custom.<key>" header. */
function customMeanings(customFields: AutoMapInput['customFields']): Map<string, HeaderMeaning> {
  const byKey = new Map<string, HeaderMeaning>();
  const meaning = (key: string): HeaderMeaning => ({ target: customFieldTarget(key), weak: false, group: null });
  for (const field of customFields) byKey.set(labelKey(customFieldTarget(field.key)), meaning(field.key));
  // Labels after keys: a label the user typed is the stronger hint.
  for (const field of customFields) byKey.set(labelKey(field.label), meaning(field.key));
  return byKey;
}

function resolveHeaders(input: AutoMapInput, count: number): Array<Resolved | undefined> {
  const custom = customMeanings(input.customFields);
  const keys = Array.from({ length: count }, (_, index) => labelKey(input.headers[index] ?? ''));
  const resolved = keys.map((key, index): Resolved | undefined => {
    const header = input.headers[index] ?? '';
    const builtIn = headerMeaning(input.entity, header);
    // A custom field labelled like a built-in one («Регион» beside the address's «Регион»): an
    // export writes the built-in column first and the custom one last, so only the last column of
    // that header is the custom field's.
    const laterTwin = builtIn !== undefined && keys.indexOf(key, index + 1) >= 0;
    const meaning = (laterTwin ? undefined : custom.get(key)) ?? builtIn;
    return meaning ? { meaning, confidence: 'header' } : undefined;
  });
  // "Имя" holding "Иванов Иван Иванович" with no surname column: the column is the whole name.
  const hasLastName = resolved.some((entry) => entry?.meaning.target === 'lastName');
  resolved.forEach((entry, index) => {
    if (entry?.meaning.target !== 'firstName' || hasLastName) return;
    if (profileColumn(input.samples[index] ?? []) !== 'fullName') return;
    resolved[index] = { meaning: { target: 'fullName', weak: false, group: null }, confidence: 'values' };
  });
  return resolved;
}

/** Where a column of company names goes. */
const COMPANY_NAME: Record<ImportEntity, string> = { person: 'company', company: 'name' };

/** The field a column's values suggest when its header says nothing. */
function targetFromValues(entity: ImportEntity, samples: CellValue[]): string | null {
  switch (profileColumn(samples)) {
    case 'email':
      return 'email.work';
    case 'phone':
      return entity === 'company' ? 'phone.work' : 'phone.mobile';
    case 'fullName':
      return entity === 'person' ? 'fullName' : null;
    case 'company':
      return COMPANY_NAME[entity];
    default:
      return null;
  }
}

/**
 * Each address group of the sheet ("Business …", "Home …", "Address 2 - …", "Город 2") becomes
 * one of the record's addresses, in the order of its first column: its parts are retargeted from
 * "address.city" to the group's own "address2.city"... Groups past the last address are dropped.
 */
function placeAddressGroups(resolved: Array<Resolved | undefined>): void {
  const groupOf = groupReading(resolved);
  const slots = new Map<string, number>();
  resolved.forEach((entry, index) => {
    const target = entry?.meaning.target;
    if (!entry || !target?.startsWith('address.')) return;
    const group = groupOf(entry.meaning.group);
    if (!slots.has(group)) slots.set(group, slots.size);
    const slot = ADDRESS_GROUPS[slots.get(group)!];
    // Past the last address: known, and fed to nothing (not guessed from its values).
    const meaning = slot ? { ...entry.meaning, target: `${slot}${target.slice('address'.length)}` } : NOTHING;
    resolved[index] = { ...entry, meaning };
  });
}

const NOTHING: HeaderMeaning = { target: null, weak: false, group: null };
const partOf = (target: string) => target.slice(target.indexOf('.') + 1);

/**
 * How groups are read against the unnumbered address ("Город", "Индекс"): "#1" is that address
 * itself ("Адрес 1" with "Город"); a numbered group of street lines alone ("Address1, Address2,
 * City") is more lines of it, not another address; and while it has no street, the first group
 * of a street alone gives it one ("Юридический адрес" with "Город": one address, not two halves).
 */
function groupReading(resolved: Array<Resolved | undefined>): (group: string | null) => string {
  const parts = new Map<string, Set<string>>();
  for (const entry of resolved) {
    const target = entry?.meaning.target;
    if (!entry || !target?.startsWith('address.')) continue;
    const group = entry.meaning.group === '#1' ? '' : (entry.meaning.group ?? '');
    parts.set(group, (parts.get(group) ?? new Set()).add(partOf(target)));
  }
  const streetOnly = (key: string) => [...(parts.get(key) ?? [])].every((part) => part === 'street');
  const plain = parts.get('');
  const streetOfPlain =
    plain !== undefined && !plain.has('street')
      ? [...parts.keys()].find((key) => key !== '' && streetOnly(key))
      : undefined;
  return (group) => {
    const key = group === '#1' ? '' : (group ?? '');
    if (key === streetOfPlain) return '';
    return key.startsWith('#') && streetOnly(key) && plain !== undefined ? '' : key;
  };
}

/** Address groups that name their kind: Outlook's "work" (Business …), "home", "other"; Russian company ones. */
const GROUP_KINDS: Record<string, AddressLabel> = {
  ...Object.fromEntries(addressLabels.map((label) => [label, label])),
  actual: 'work',
  legal: 'other',
};
const groupLabel = (group: string | null): AddressLabel | null => GROUP_KINDS[group ?? ''] ?? null;

/**
 * Suggests the fields each column feeds: by header (custom fields by their label, then the synonym
 * tables), then by values for columns whose header is unknown (e-mails, phones, full names). A
 * field that takes one value is fed by the first column that claims it; phones, e-mails, tags and
 * notes may come from several columns; each address group feeds an address of its own.
 */
export function autoMap(input: AutoMapInput): ColumnSuggestion[] {
  const count = Math.max(input.headers.length, input.samples.length);
  const fields = new Map(importFieldsOf[input.entity].map((spec) => [spec.key, spec]));
  const resolved = resolveHeaders(input, count);
  const suggestions: ColumnSuggestion[] = Array.from({ length: count }, (_, index) => ({
    index,
    header: input.headers[index] ?? '',
    targets: [],
    confidence: 'none',
    labelColumn: null,
    addressLabel: null,
  }));
  placeAddressGroups(resolved);
  const taken = new Set<string>();

  const assign = (index: number, meaning: HeaderMeaning, confidence: 'header' | 'values') => {
    const target = meaning.target;
    if (target === null) return;
    if (!fields.get(target)?.repeatable && taken.has(target)) return;
    taken.add(target);
    const labelColumn = isContactTarget(target) ? labelColumnFor(input.headers, index) : null;
    const addressLabel = addressGroupOf(target) >= 0 ? groupLabel(meaning.group) : null;
    suggestions[index] = { ...suggestions[index]!, targets: [target], confidence, labelColumn, addressLabel };
  };

  const rank = (meaning: HeaderMeaning) => (meaning.vague ? 2 : meaning.weak ? 1 : 0);
  for (const pass of [0, 1, 2]) {
    resolved.forEach((entry, index) => {
      if (!entry || rank(entry.meaning) !== pass) return;
      // «Клиент» holding «ООО "Ромашка"»: the person's company, not their name.
      const companies = entry.meaning.vague && profileColumn(input.samples[index] ?? []) === 'company';
      const meaning = companies ? { ...entry.meaning, target: COMPANY_NAME[input.entity] } : entry.meaning;
      assign(index, meaning, companies ? 'values' : entry.confidence);
    });
  }
  resolved.forEach((entry, index) => {
    if (entry) return;
    const target = targetFromValues(input.entity, input.samples[index] ?? []);
    if (target === 'fullName' && ['fullName', ...NAME_PARTS].some((name) => taken.has(name))) return;
    if (target) assign(index, { target, weak: false, group: null }, 'values');
  });
  return suggestions;
}
