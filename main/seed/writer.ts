/**
 * Writes generated rows with prepared statements on the raw connection: one call per row, no
 * query builder, explicit ids, parents before children (foreign keys are off while seeding; the seed
 * tests check every row points at a parent).
 */
import type { SqliteConnection } from '../db/open';
import { contactPointKeys } from '../db/contact-point-keys';
import type { SearchDocument } from '../db/search-index';

export type CompanyRow = {
  id: number;
  name: string;
  sortKey: string;
  legalName: string | null;
  website: string | null;
  industry: string | null;
  source: string | null;
  city: string | null;
  ownerId: number | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PersonRow = {
  id: number;
  firstName: string;
  middleName: string | null;
  lastName: string;
  displayName: string;
  sortKey: string;
  companyId: number | null;
  position: string | null;
  birthday: string | null;
  source: string | null;
  city: string | null;
  ownerId: number | null;
  preferredChannel: string | null;
  language: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ActivityRow = {
  id: number;
  kind: 'call' | 'meeting' | 'email' | 'note';
  occurredAt: string;
  durationMinutes: number | null;
  direction: 'inbound' | 'outbound' | null;
  outcome: string | null;
  subject: string;
  body: string | null;
  personId: number | null;
  companyId: number | null;
  ownerId: number | null;
};

export type AddressRow = {
  label: string;
  country: string;
  city: string;
  street: string;
  postalCode: string | null;
};

export type Owner = { personId: number; companyId: null } | { personId: null; companyId: number };

export type RowCounts = {
  users: number;
  companies: number;
  people: number;
  activities: number;
  contactPoints: number;
  addresses: number;
  /** Links between people or companies and their tags. */
  tagLinks: number;
};

export type SeedWriter = ReturnType<typeof createWriter>;

export function createWriter(connection: SqliteConnection) {
  const counts: RowCounts = {
    users: 0,
    companies: 0,
    people: 0,
    activities: 0,
    contactPoints: 0,
    addresses: 0,
    tagLinks: 0,
  };
  const insertUser = connection.prepare(
    `INSERT INTO users (id, display_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertCompany = connection.prepare(
    `INSERT INTO companies (id, name, sort_key, legal_name, website, industry, source, city, owner_id, notes,
                            created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = connection.prepare(
    `INSERT INTO people (id, first_name, middle_name, last_name, display_name, sort_key, company_id, position,
                         birthday, source, city, owner_id, preferred_channel, language, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // ids of contact points, addresses and tag links are left to SQLite: nothing refers to them.
  const insertContactPoint = connection.prepare(
    `INSERT INTO contact_points (person_id, company_id, kind, label, value, is_valid, search_key, reversed_key, position)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertAddress = connection.prepare(
    `INSERT INTO addresses (person_id, company_id, label, country, city, street, postal_code, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const insertPersonTag = connection.prepare(`INSERT INTO person_tags (tag_id, person_id) VALUES (?, ?)`);
  const insertCompanyTag = connection.prepare(`INSERT INTO company_tags (tag_id, company_id) VALUES (?, ?)`);
  const insertPersonSearch = connection.prepare(`INSERT INTO people_search (rowid, name, details) VALUES (?, ?, ?)`);
  const insertCompanySearch = connection.prepare(
    `INSERT INTO companies_search (rowid, name, details) VALUES (?, ?, ?)`,
  );
  const insertActivity = connection.prepare(
    `INSERT INTO activities (id, kind, occurred_at, duration_minutes, direction, outcome, subject, body, person_id,
                             company_id, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    counts,
    user(id: number, displayName: string, email: string, createdAt: string): void {
      insertUser.run(id, displayName, email, createdAt, createdAt);
      counts.users += 1;
    },
    company(row: CompanyRow): void {
      insertCompany.run(
        row.id,
        row.name,
        row.sortKey,
        row.legalName,
        row.website,
        row.industry,
        row.source,
        row.city,
        row.ownerId,
        row.notes,
        row.createdAt,
        row.updatedAt,
      );
      counts.companies += 1;
    },
    person(row: PersonRow): void {
      insertPerson.run(
        row.id,
        row.firstName,
        row.middleName,
        row.lastName,
        row.displayName,
        row.sortKey,
        row.companyId,
        row.position,
        row.birthday,
        row.source,
        row.city,
        row.ownerId,
        row.preferredChannel,
        row.language,
        row.notes,
        row.createdAt,
        row.updatedAt,
      );
      counts.people += 1;
    },
    contactPoint(owner: Owner, kind: 'phone' | 'email', label: string, value: string, position: number): void {
      const keys = contactPointKeys(kind, value);
      insertContactPoint.run(
        owner.personId,
        owner.companyId,
        kind,
        label,
        value,
        keys.search_key,
        keys.reversed_key,
        position,
      );
      counts.contactPoints += 1;
    },
    address(owner: Owner, address: AddressRow): void {
      insertAddress.run(
        owner.personId,
        owner.companyId,
        address.label,
        address.country,
        address.city,
        address.street,
        address.postalCode,
      );
      counts.addresses += 1;
    },
    personTag(tagId: number, personId: number): void {
      insertPersonTag.run(tagId, personId);
      counts.tagLinks += 1;
    },
    companyTag(tagId: number, companyId: number): void {
      insertCompanyTag.run(tagId, companyId);
      counts.tagLinks += 1;
    },
    /** A person's full-text document, written with the person: no second pass reading the rows back. */
    personSearch(id: number, document: SearchDocument): void {
      insertPersonSearch.run(id, document.name, document.details);
    },
    companySearch(id: number, document: SearchDocument): void {
      insertCompanySearch.run(id, document.name, document.details);
    },
    /** Logged when it happened, never edited since. */
    activity(row: ActivityRow): void {
      insertActivity.run(
        row.id,
        row.kind,
        row.occurredAt,
        row.durationMinutes,
        row.direction,
        row.outcome,
        row.subject,
        row.body,
        row.personId,
        row.companyId,
        row.ownerId,
        row.occurredAt,
        row.occurredAt,
      );
      counts.activities += 1;
    },
  };
}
