import type { TFunction } from 'i18next';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import {
  addressGroupOf,
  CUSTOM_FIELD_PREFIX,
  EXPORTED_ADDRESS_GROUPS,
  customFieldTarget,
  importFieldsOf,
  type ImportEntity,
} from '../../../shared/domain/import-fields';

/** The MultiSelect value that turns a column into a new custom field. */
export const NEW_FIELD_VALUE = '+newField';

const fieldGroups = ['name', 'contacts', 'address', 'other'] as const;
type FieldGroup = (typeof fieldGroups)[number];

const NAME_FIELDS = new Set([
  'id',
  'fullName',
  'lastName',
  'firstName',
  'middleName',
  'displayName',
  'name',
  'legalName',
]);
const CONTACT_FIELDS = new Set(['website', 'preferredChannel', 'language']);

function groupOf(key: string): FieldGroup {
  if (NAME_FIELDS.has(key)) return 'name';
  if (key.startsWith('phone.') || key.startsWith('email.') || CONTACT_FIELDS.has(key)) return 'contacts';
  if (addressGroupOf(key) >= 0) return 'address';
  return 'other';
}

/** A field key's label: "phone.mobile" → "Phone (mobile)", "address2.city" → "City (address 2)". */
export function fieldLabel(key: string, t: TFunction, customFields: readonly CustomFieldDefinition[] = []): string {
  if (key.startsWith(CUSTOM_FIELD_PREFIX)) {
    const custom = customFields.find((field) => customFieldTarget(field.key) === key);
    return custom?.label ?? key.slice(CUSTOM_FIELD_PREFIX.length);
  }
  const [head = key, part] = key.split('.');
  if ((head === 'phone' || head === 'email') && part) {
    return t(`importWizard.fields.${head}`, { label: t(`importWizard.contactLabels.${part}`) });
  }
  const group = addressGroupOf(key);
  if (group >= 0 && part) {
    const partLabel = t(`importWizard.fields.address.${part}`);
    return group === 0 ? partLabel : t('importWizard.fields.addressNumbered', { part: partLabel, number: group + 1 });
  }
  return t(`importWizard.fields.${key}`);
}

export type FieldOptionGroup = { group: string; items: Array<{ value: string; label: string }> };

/**
 * Every field a column of this record type can feed, grouped for a Select. Of the address groups,
 * the first three are offered, and one more past the highest already mapped (0-based, -1: none),
 * rather than ten groups of six fields each.
 */
export function fieldOptions(
  entity: ImportEntity,
  customFields: readonly CustomFieldDefinition[],
  t: TFunction,
  highestAddressGroup = -1,
): FieldOptionGroup[] {
  const addressGroups = Math.max(EXPORTED_ADDRESS_GROUPS, highestAddressGroup + 2);
  const groups: FieldOptionGroup[] = fieldGroups.map((group) => ({
    group: t(`importWizard.fieldGroups.${group}`),
    items: importFieldsOf[entity]
      .filter((spec) => groupOf(spec.key) === group && addressGroupOf(spec.key) < addressGroups)
      .map((spec) => ({ value: spec.key, label: fieldLabel(spec.key, t) })),
  }));
  groups.push({
    group: t('importWizard.fieldGroups.custom'),
    items: [
      ...customFields.map((field) => ({ value: customFieldTarget(field.key), label: field.label })),
      { value: NEW_FIELD_VALUE, label: t('importWizard.mapping.newField') },
    ],
  });
  return groups;
}
