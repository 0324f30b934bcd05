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

export function relationsFromFlat(flat: FlatRecord, definitions: CustomFieldDefinition[]): RelationValues {
  const addresses: Address[] = [];
  for (const group of ADDRESS_GROUPS) {
    const parts = Object.fromEntries(addressParts.map((part) => [part, text(flat[`${group}.${part}`])])) as Record<
      (typeof addressParts)[number],
      string | null
    >;
    if (Object.values(parts).every((part) => part === null)) continue;
    const label = text(flat[`${group}.label`]);
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
  return {
    phones: phoneLabels.flatMap((label) => list(flat[`phone.${label}`]).map((value) => ({ value, label }))),
    emails: emailLabels.flatMap((label) => list(flat[`email.${label}`]).map((value) => ({ value, label }))),
    addresses,
    tags: list(flat['tags']),
    customFields,
  };
}

export { text as flatText };
