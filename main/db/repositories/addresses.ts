import type { Address } from '../../../shared/domain/contact-points';
import type { Selectable } from 'kysely';
import type { AddressesTable } from '../schema';
import type { Executor } from './executor';
import type { ContactOwner } from './contact-points';

/** The stored row of one address of a person or company. */
export function addressRow(owner: ContactOwner, address: Address, position: number) {
  return {
    person_id: 'personId' in owner ? owner.personId : null,
    company_id: 'companyId' in owner ? owner.companyId : null,
    label: address.label,
    country: address.country,
    region: address.region,
    city: address.city,
    street: address.street,
    postal_code: address.postalCode,
    position,
  };
}

export async function replaceAddresses(db: Executor, owner: ContactOwner, addresses: Address[]): Promise<void> {
  const remove = db.deleteFrom('addresses');
  await (
    'personId' in owner
      ? remove.where('person_id', '=', owner.personId)
      : remove.where('company_id', '=', owner.companyId)
  ).execute();
  if (addresses.length === 0) return;
  await db
    .insertInto('addresses')
    .values(addresses.map((address, position) => addressRow(owner, address, position)))
    .execute();
}

export async function listAddresses(db: Executor, owner: ContactOwner): Promise<Address[]> {
  const query = db.selectFrom('addresses').select(['label', 'country', 'region', 'city', 'street', 'postal_code']);
  const rows = await (
    'personId' in owner
      ? query.where('person_id', '=', owner.personId)
      : query.where('company_id', '=', owner.companyId)
  )
    .orderBy('position')
    .execute();
  return rows.map(toAddress);
}

type AddressColumns = Pick<
  Selectable<AddressesTable>,
  'label' | 'country' | 'region' | 'city' | 'street' | 'postal_code'
>;

/** A stored address row as the domain shape. */
export function toAddress(row: AddressColumns): Address {
  return {
    label: row.label as Address['label'],
    country: row.country,
    region: row.region,
    city: row.city,
    street: row.street,
    postalCode: row.postal_code,
  };
}

/** The most addresses any person (or any company) has, trashed records included: an upper bound. */
export async function mostAddresses(db: Executor, owners: 'people' | 'companies'): Promise<number> {
  const row = await db
    .selectFrom('addresses')
    .select((eb) => eb.fn.max('position').as('last'))
    .where(owners === 'people' ? 'person_id' : 'company_id', 'is not', null)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}
