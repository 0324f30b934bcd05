/**
 * What a spreadsheet column can feed, per record type. Deals, tasks and activities add their own
 * lists here when they arrive; the importer and exporter work from these lists only.
 */
import { emailLabels, MAX_ADDRESSES, phoneLabels } from './contact-points';

export const importEntities = ['person', 'company'] as const;
export type ImportEntity = (typeof importEntities)[number];

/** How a field's cells are read. */
export type FieldKind =
  | 'id'
  | 'text'
  | 'fullName'
  | 'phone'
  | 'email'
  | 'date'
  | 'url'
  | 'owner'
  | 'company'
  | 'tags'
  | 'channel'
  | 'language'
  | 'consent'
  | 'datetime'
  | 'addressLabel';

export type ImportFieldSpec = {
  /** Stable key used in mappings, templates and export headers ("phone.mobile", "custom.budget"). */
  key: string;
  kind: FieldKind;
  /** Takes several values (several columns, or several values in one cell). */
  repeatable: boolean;
};

const field = (key: string, kind: FieldKind, repeatable = false): ImportFieldSpec => ({ key, kind, repeatable });

const phoneFields = phoneLabels.map((label) => field(`phone.${label}`, 'phone', true));
const emailFields = emailLabels.map((label) => field(`email.${label}`, 'email', true));
export const addressParts = ['country', 'region', 'city', 'street', 'postalCode'] as const;
export type AddressPart = (typeof addressParts)[number];
/**
 * A record may have several addresses: "address.city" is the first's, "address2.city" the second's...
 * As many groups as a record may hold addresses, so a round trip loses none.
 */
export const ADDRESS_GROUPS: readonly string[] = Array.from({ length: MAX_ADDRESSES }, (_, index) =>
  index === 0 ? 'address' : `address${index + 1}`,
);
/** Address groups every full export carries even when unused: room to add addresses in the workbook. */
export const EXPORTED_ADDRESS_GROUPS = 3;

/** Which address group ("address2" → 1) a field key belongs to, or -1. */
export function addressGroupOf(key: string): number {
  const dot = key.indexOf('.');
  return dot < 0 ? -1 : ADDRESS_GROUPS.indexOf(key.slice(0, dot));
}
/** A phone or e-mail field: the targets whose kind a label column may set row by row. */
export const isContactTarget = (target: string) => target.startsWith('phone.') || target.startsWith('email.');

/** The address group whose part ("address2.city", not its ".label") a column feeds first, or -1. */
export function addressPartGroup(targets: readonly string[]): number {
  const part = targets.find((target) => addressGroupOf(target) >= 0 && !target.endsWith('.label'));
  return part === undefined ? -1 : addressGroupOf(part);
}

/**
 * Each address group's first column in sheet order: the one whose kind (addressLabel) the whole
 * address takes when no column gives it, as the wizard shows it and the import reads it.
 */
export function addressGroupHeads<T extends { targets: readonly string[] }>(columns: readonly T[]): Map<number, T> {
  const heads = new Map<number, T>();
  for (const column of columns) {
    const group = addressPartGroup(column.targets);
    if (group >= 0 && !heads.has(group)) heads.set(group, column);
  }
  return heads;
}

const addressFields = ADDRESS_GROUPS.flatMap((group) => [
  ...addressParts.map((part) => field(`${group}.${part}`, 'text')),
  field(`${group}.label`, 'addressLabel'),
]);

export const personImportFields: readonly ImportFieldSpec[] = [
  field('id', 'id'),
  field('fullName', 'fullName'),
  field('lastName', 'text'),
  field('firstName', 'text'),
  field('middleName', 'text'),
  field('displayName', 'text'),
  field('company', 'company'),
  /** The company's id in the same file or database: exact links in a round trip. */
  field('companyId', 'id'),
  field('position', 'text'),
  ...phoneFields,
  ...emailFields,
  ...addressFields,
  field('website', 'url'),
  field('birthday', 'date'),
  field('source', 'text'),
  field('owner', 'owner'),
  field('tags', 'tags', true),
  field('preferredChannel', 'channel'),
  field('language', 'language'),
  field('notes', 'text', true),
  field('contactConsent', 'consent'),
  field('contactConsentAt', 'datetime'),
  field('contactConsentSource', 'text'),
  field('marketingConsent', 'consent'),
  field('marketingConsentAt', 'datetime'),
  field('marketingConsentSource', 'text'),
];

export const companyImportFields: readonly ImportFieldSpec[] = [
  field('id', 'id'),
  field('name', 'text'),
  field('legalName', 'text'),
  ...phoneFields,
  ...emailFields,
  ...addressFields,
  field('website', 'url'),
  field('industry', 'text'),
  field('source', 'text'),
  field('owner', 'owner'),
  field('tags', 'tags', true),
  field('notes', 'text', true),
];

export const importFieldsOf: Record<ImportEntity, readonly ImportFieldSpec[]> = {
  person: personImportFields,
  company: companyImportFields,
};

/** Custom fields are addressed as "custom.<key>". */
export const CUSTOM_FIELD_PREFIX = 'custom.';
export const customFieldTarget = (key: string) => `${CUSTOM_FIELD_PREFIX}${key}`;
