/**
 * What SQLite really stores, table by table: 0 | 1 for booleans, ISO text for times, JSON never.
 * Generated<T> marks columns the database fills in (ids, defaults).
 */
import type { Generated } from 'kysely';

type Bit = 0 | 1;

export type AppMetaTable = { key: string; value: string };

export type UsersTable = {
  id: Generated<number>;
  display_name: string;
  email: string | null;
  is_active: Generated<Bit>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type CompaniesTable = {
  id: Generated<number>;
  name: string;
  sort_key: string;
  legal_name: string | null;
  website: string | null;
  industry: string | null;
  source: string | null;
  city: string | null;
  owner_id: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  merged_into_id: number | null;
  /** Set on the tombstone kept for the highest id when records are deleted for good. */
  erased_at: string | null;
  version: Generated<number>;
};

export type PeopleTable = {
  id: Generated<number>;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  display_name: string;
  sort_key: string;
  company_id: number | null;
  position: string | null;
  website: string | null;
  birthday: string | null;
  source: string | null;
  city: string | null;
  owner_id: number | null;
  preferred_channel: 'phone' | 'email' | 'messenger' | 'meeting' | 'post' | null;
  language: string | null;
  notes: string | null;
  contact_consent: Bit | null;
  contact_consent_at: string | null;
  contact_consent_source: string | null;
  marketing_consent: Bit | null;
  marketing_consent_at: string | null;
  marketing_consent_source: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  erased_at: string | null;
  merged_into_id: number | null;
  version: Generated<number>;
};

export type ContactPointsTable = {
  id: Generated<number>;
  person_id: number | null;
  company_id: number | null;
  kind: 'phone' | 'email';
  label: string;
  value: string;
  is_valid: Generated<Bit>;
  search_key: string;
  reversed_key: string;
  position: Generated<number>;
};

export type AddressesTable = {
  id: Generated<number>;
  person_id: number | null;
  company_id: number | null;
  label: string;
  country: string | null;
  region: string | null;
  city: string | null;
  street: string | null;
  postal_code: string | null;
  position: Generated<number>;
};

export type TagsTable = { id: Generated<number>; name: string; name_key: string; color: string | null };
export type PersonTagsTable = { tag_id: number; person_id: number };
export type CompanyTagsTable = { tag_id: number; company_id: number };

export type CustomFieldDefinitionsTable = {
  id: Generated<number>;
  entity: 'person' | 'company';
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'checkbox';
  options: Generated<string>;
  position: Generated<number>;
  archived_at: string | null;
  created_at: string;
};

export type PersonCustomValuesTable = {
  field_id: number;
  person_id: number;
  value_text: string | null;
  value_number: number | null;
};

export type CompanyCustomValuesTable = {
  field_id: number;
  company_id: number;
  value_text: string | null;
  value_number: number | null;
};

export type ActivitiesTable = {
  id: Generated<number>;
  kind: 'call' | 'meeting' | 'email' | 'note';
  occurred_at: string;
  duration_minutes: number | null;
  direction: 'inbound' | 'outbound' | null;
  outcome: string | null;
  subject: string | null;
  body: string | null;
  person_id: number | null;
  company_id: number | null;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: Generated<number>;
};

export type SavedViewsTable = {
  id: Generated<number>;
  entity: 'person' | 'company';
  name: string;
  filter: string;
  sort: string;
  columns: Generated<string>;
  position: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type MergesTable = {
  id: Generated<number>;
  entity: 'person' | 'company';
  survivor_id: number;
  merged_id: number;
  snapshot: string;
  merged_at: string;
  undone_at: string | null;
};

export type ImportsTable = {
  id: Generated<number>;
  file_name: string;
  mode: 'create' | 'update' | 'upsert';
  summary: string;
  started_at: string;
  finished_at: string;
  undone_at: string | null;
};

export type ImportRecordsTable = {
  import_id: number;
  entity: 'person' | 'company';
  record_id: number;
  action: 'created' | 'updated';
  version_after: number;
  before: string | null;
};

/** The tags, owners and custom fields an import made (see migration 0010). */
export type ImportCreatedItemsTable = {
  import_id: number;
  kind: 'tag' | 'user' | 'customField';
  item_id: number;
};

export type ImportTemplatesTable = {
  id: Generated<number>;
  name: string;
  entity: 'person' | 'company';
  header_signature: string;
  mapping: string;
  created_at: string;
  updated_at: string;
};

export type SearchIndexTable = { rowid: number; name: string; details: string };

export type Database = {
  app_meta: AppMetaTable;
  users: UsersTable;
  companies: CompaniesTable;
  people: PeopleTable;
  contact_points: ContactPointsTable;
  addresses: AddressesTable;
  tags: TagsTable;
  person_tags: PersonTagsTable;
  company_tags: CompanyTagsTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  person_custom_values: PersonCustomValuesTable;
  company_custom_values: CompanyCustomValuesTable;
  activities: ActivitiesTable;
  saved_views: SavedViewsTable;
  merges: MergesTable;
  imports: ImportsTable;
  import_records: ImportRecordsTable;
  import_created_items: ImportCreatedItemsTable;
  import_templates: ImportTemplatesTable;
  people_search: SearchIndexTable;
  companies_search: SearchIndexTable;
};
