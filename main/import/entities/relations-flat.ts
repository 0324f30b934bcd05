/** Phones, e-mails, addresses, tags and custom fields: the parts people and companies share. */
import { addressLabels, emailLabels, phoneLabels, type Address } from '../../../shared/domain/contact-points';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { ADDRESS_GROUPS, addressParts, customFieldTarget } from '../../../shared/domain/import-fields';
import type { BatchRelations } from '../../db/repositories/record-batches';
import { rowsToCustomValues } from '../../services/custom-field-values';
import type { RelationValues } from '../../services/record-relations';
import type { FlatRecord, FlatValue } from '../flat-record';

export function relationsToFlat(relations: BatchRelations, definitions: CustomFieldDefinition[]): FlatRecord {
  const flat: FlatRecord = {};
  for (const label of phoneLabels) {
    flat[`phone.${label}`] = relations.points
      .filter((p) => p.kind === 'phone' && p.label === label)
      .map((p) => p.value);
  }
  for (const label of emailLabels) {
    flat[`email.${label}`] = relations.points
      .filter((p) => p.kind === 'email' && p.label === label)
      .map((p) => p.value);
  }
  ADDRESS_GROUPS.forEach((group, position) => {
    const address = relations.addresses[position];
    for (const part of addressParts) flat[`${group}.${part}`] = address?.[part] ?? null;
    flat[`${group}.label`] = address?.label ?? null;
  });
  flat['tags'] = relations.tags;
  const custom = rowsToCustomValues(definitions, relations.customRows);
  for (const definition of definitions) {
    flat[customFieldTarget(definition.key)] = custom[definition.key] ?? null;
  }
  return flat;
}

const text = (value: FlatValue | undefined): string | null =>
  value === undefined || value === null || value === ''
    ? null
    : Array.isArray(value)
      ? value.join(', ')
      : String(value);
const list = (value: FlatValue | undefined): string[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [String(value)];

/** The flat keys, made once: this runs for every row of a file. */
const phoneKeys = phoneLabels.map((label) => ({ label, key: `phone.${label}` }));
const emailKeys = emailLabels.map((label) => ({ label, key: `email.${label}` }));
const addressKeys = ADDRESS_GROUPS.map((group) => ({
  parts: addressParts.map((part) => ({ part, key: `${group}.${part}` })),
  label: `${group}.label`,
}));

export function relationsFromFlat(flat: FlatRecord, definitions: CustomFieldDefinition[]): RelationValues {
  const addresses: Address[] = [];
  for (const group of addressKeys) {
    const parts = {} as Record<(typeof addressParts)[number], string | null>;
    let empty = true;
    for (const { part, key } of group.parts) {
      const value = text(flat[key]);
      parts[part] = value;
      if (value !== null) empty = false;
    }
    if (empty) continue;
    const label = text(flat[group.label]);
    addresses.push({
      label: (addressLabels as readonly string[]).includes(label ?? '') ? (label as Address['label']) : 'work',
      ...parts,
    });
  }
  const customFields: RelationValues['customFields'] = {};
  for (const definition of definitions) {
    const value = flat[customFieldTarget(definition.key)];
    if (value !== undefined) customFields[definition.key] = value;
  }
  const phones: RelationValues['phones'] = [];
  for (const { label, key } of phoneKeys) for (const value of list(flat[key])) phones.push({ value, label });
  const emails: RelationValues['emails'] = [];
  for (const { label, key } of emailKeys) for (const value of list(flat[key])) emails.push({ value, label });
  return { phones, emails, addresses, tags: list(flat['tags']), customFields };
}

export { text as flatText };
