import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_client_base';
import * as m0003 from './0003_saved_views';
import * as m0004 from './0004_merges';
import * as m0005 from './0005_imports';
import * as m0006 from './0006_foreign_key_indexes';
import * as m0007 from './0007_people_by_company_and_name';
import * as m0008 from './0008_company_tombstones';
import * as m0009 from './0009_tags_without_separators';
import * as m0010 from './0010_import_created_items';
import * as m0011 from './0011_views_without_archived_fields';

export type Migration = { up(db: Kysely<any>): Promise<void> };

/**
 * Registered by hand because a bundled app can't list a folder. Keys are the file names;
 * the number prefix is the schema version each migration brings the file to.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_client_base': m0002,
  '0003_saved_views': m0003,
  '0004_merges': m0004,
  '0005_imports': m0005,
  '0006_foreign_key_indexes': m0006,
  '0007_people_by_company_and_name': m0007,
  '0008_company_tombstones': m0008,
  '0009_tags_without_separators': m0009,
  '0010_import_created_items': m0010,
  '0011_views_without_archived_fields': m0011,
};
