import type { Address, Email, EmailInput, Phone, PhoneInput } from '../../shared/domain/contact-points';
import type { CustomFieldEntity, CustomFieldValues } from '../../shared/domain/custom-fields';
import { formatPhone, normalisePhone } from '../../shared/text/phone';
import type { Executor } from '../db/repositories/executor';
import { listAddresses, replaceAddresses } from '../db/repositories/addresses';
import { listContactPoints, replaceContactPoints, type ContactOwner } from '../db/repositories/contact-points';
import {
  listCompanyCustomValues,
  listCustomFieldDefinitions,
  listPersonCustomValues,
  replaceCompanyCustomValues,
  replacePersonCustomValues,
} from '../db/repositories/custom-fields';
import { listTagNames, replaceTags } from '../db/repositories/tags';
import { customValuesToRows, rowsToCustomValues } from './custom-field-values';

/** What a person and a company both have around their own row. */
export type RelationValues = {
  phones: Array<Required<PhoneInput>>;
  emails: Array<Required<EmailInput>>;
  addresses: Address[];
  tags: string[];
  customFields: CustomFieldValues;
};

export type Relations = {
  phones: Phone[];
  emails: Email[];
  addresses: Address[];
  tags: string[];
  customFields: CustomFieldValues;
};

const entityOf = (owner: ContactOwner): CustomFieldEntity => ('personId' in owner ? 'person' : 'company');

export async function writeRelations(
  db: Executor,
  owner: ContactOwner,
  values: RelationValues,
  defaultCountry: string,
): Promise<void> {
  const definitions = await listCustomFieldDefinitions(db, entityOf(owner));
  // Validate custom values before writing anything else.
  const customRows = customValuesToRows(definitions, values.customFields);
  const points = [
    ...values.phones.map((phone) => {
      const normalised = normalisePhone(phone.value, defaultCountry);
      return { kind: 'phone' as const, label: phone.label, value: normalised.value, valid: normalised.valid };
    }),
    ...values.emails.map((email) => ({ kind: 'email' as const, label: email.label, value: email.value, valid: true })),
  ];
  // The same number or address typed twice ("8 916…" and "+7 916…") is kept once, at its first place.
  const seen = new Set<string>();
  await replaceContactPoints(
    db,
    owner,
    points.filter((point) => {
      const key = `${point.kind}:${point.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
  await replaceAddresses(db, owner, values.addresses);
  await replaceTags(db, owner, values.tags);
  const liveFields = definitions.map((definition) => definition.id);
  if ('personId' in owner) await replacePersonCustomValues(db, owner.personId, liveFields, customRows);
  else await replaceCompanyCustomValues(db, owner.companyId, liveFields, customRows);
}

export async function readRelations(db: Executor, owner: ContactOwner): Promise<Relations> {
  const [points, addresses, tags, definitions, customRows] = await Promise.all([
    listContactPoints(db, owner),
    listAddresses(db, owner),
    listTagNames(db, owner),
    listCustomFieldDefinitions(db, entityOf(owner)),
    'personId' in owner ? listPersonCustomValues(db, owner.personId) : listCompanyCustomValues(db, owner.companyId),
  ]);
  return {
    phones: points
      .filter((point) => point.kind === 'phone')
      .map((point) => ({
        value: point.value,
        display: formatPhone(point.value),
        label: point.label as Phone['label'],
        valid: point.valid,
      })),
    emails: points
      .filter((point) => point.kind === 'email')
      .map((point) => ({ value: point.value, label: point.label as Email['label'] })),
    addresses,
    tags,
    customFields: rowsToCustomValues(definitions, customRows),
  };
}

/** The city lists show and sort by: the first address's. */
export function primaryCity(addresses: Address[]): string | null {
  return addresses.find((address) => address.city)?.city ?? null;
}
