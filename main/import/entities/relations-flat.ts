/** Phones, e-mails, addresses, tags and custom fields: the parts people and companies share. */
import { addressLabels, emailLabels, phoneLabels, type Address } from '../../../shared/domain/contact-points';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { ADDRESS_GROUPS, addressParts, customFieldTarget } from '../../../shared/domain/import-fields';
import type { BatchContactPoint } from '../../db/repositories/record-batches';
import { rowsToCustomValues } from '../../services/custom-field-values';
import type { RelationValues } from '../../services/record-relations';
import type { FlatRecord, FlatValue } from '../flat-record';
import { relatedField, type FieldEntry } from './field-readers';

/** The shared fields as the loads read them, in flat-record order. */
export function relationFields(definitions: CustomFieldDefinition[]): Array<FieldEntry<unknown>> {
  const points = (kind: BatchContactPoint['kind'], label: string) =>
    relatedField((relations) =>
      relations.points.filter((p) => p.kind === kind && p.label === label).map((p) => p.value),
    );
  return [
    ...phoneLabels.map((label): FieldEntry<unknown> => [`phone.${label}`, points('phone', label)]),
    ...emailLabels.map((label): FieldEntry<unknown> => [`email.${label}`, points('email', label)]),
    ...ADDRESS_GROUPS.flatMap((group, position): Array<FieldEntry<unknown>> => [
      ...addressParts.map((part): FieldEntry<unknown> => [
        `${group}.${part}`,
        relatedField((relations) => relations.addresses[position]?.[part] ?? null),
      ]),
      [`${group}.label`, relatedField((relations) => relations.addresses[position]?.label ?? null)],
    ]),
    ['tags', relatedField((relations) => relations.tags)],
    ...definitions.map((definition): FieldEntry<unknown> => [
      customFieldTarget(definition.key),
      relatedField((relations) => rowsToCustomValues([definition], relations.customRows)[definition.key] ?? null),
    ]),
  ];
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
