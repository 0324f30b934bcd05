import { AppError } from '../../shared/errors';
import { CompanyInput, type Company, type CompanyValues } from '../../shared/domain/companies';
import { sortKey } from '../../shared/text/fold';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { findCompany, insertCompany, type CompanyRow, type CompanyWrite } from '../db/repositories/companies';
import { userExists } from '../db/repositories/users';
import { restoreFromTrash, moveToTrash, updateVersioned } from '../db/repositories/versioned';
import { reindexCompanies } from '../db/search-index';
import { primaryCity, readRelations, writeRelations } from './record-relations';
import type { ServiceEnv } from './service-env';

export function companyRow(values: CompanyValues, updatedAt: string): CompanyWrite {
  return {
    name: values.name,
    sort_key: sortKey(values.name),
    legal_name: values.legalName,
    website: values.website,
    industry: values.industry,
    source: values.source,
    city: primaryCity(values.addresses),
    owner_id: values.ownerId,
    notes: values.notes,
    updated_at: updatedAt,
  };
}

async function toCompany(db: Executor, row: CompanyRow): Promise<Company> {
  return {
    id: row.id,
    name: row.name,
    legalName: row.legal_name,
    website: row.website,
    industry: row.industry,
    source: row.source,
    owner: row.owner_id === null || row.owner_name === null ? null : { id: row.owner_id, name: row.owner_name },
    notes: row.notes,
    ...(await readRelations(db, { companyId: row.id })),
    peopleCount: row.people_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    mergedIntoId: row.merged_into_id,
    version: row.version,
  };
}

async function checkOwner(db: Executor, ownerId: number | null): Promise<void> {
  if (ownerId !== null && !(await userExists(db, ownerId))) {
    throw new AppError('NotFound', 'The owner does not exist', { ownerId });
  }
}

export async function getCompany(db: Executor, id: number): Promise<Company> {
  const row = await findCompany(db, id);
  if (!row || row.erased_at !== null) throw new AppError('NotFound', 'The company does not exist', { id });
  return toCompany(db, row);
}

export async function createCompany(db: AppDb, input: CompanyInput, env: ServiceEnv): Promise<Company> {
  const values = CompanyInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await checkOwner(trx, values.ownerId);
    const now = env.now().toISOString();
    const id = await insertCompany(trx, companyRow(values, now), now);
    await writeRelations(trx, { companyId: id }, values, env.defaultCountry);
    await reindexCompanies(trx, [id]);
    return getCompany(trx, id);
  });
}

/**
 * Replaces a company's values inside the caller's transaction; `version` is the one the edit
 * started from. Used by updateCompany and by imports.
 */
export async function writeCompanyUpdate(
  trx: Executor,
  id: number,
  version: number,
  values: CompanyValues,
  env: ServiceEnv,
): Promise<void> {
  await checkOwner(trx, values.ownerId);
  const outcome = await updateVersioned(trx, 'companies', id, version, companyRow(values, env.now().toISOString()));
  if (outcome === 'missing') throw new AppError('NotFound', 'The company does not exist', { id });
  if (outcome === 'conflict') throw new AppError('Conflict', 'The company was changed elsewhere', { id });
  await writeRelations(trx, { companyId: id }, values, env.defaultCountry);
}

export async function updateCompany(
  db: AppDb,
  id: number,
  version: number,
  input: CompanyInput,
  env: ServiceEnv,
): Promise<Company> {
  const values = CompanyInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await writeCompanyUpdate(trx, id, version, values, env);
    await reindexCompanies(trx, [id]);
    return getCompany(trx, id);
  });
}

/** Trashing a company keeps its people; they lose nothing and come back linked on restore. */
export async function trashCompanies(db: AppDb, ids: readonly number[], env: ServiceEnv): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const now = env.now().toISOString();
    const changed = await moveToTrash(trx, 'companies', ids, now);
    await reindexCompanies(trx, changed);
    return changed;
  });
}

export async function restoreCompanies(db: AppDb, ids: readonly number[], env: ServiceEnv): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const changed = await restoreFromTrash(trx, 'companies', ids, env.now().toISOString());
    await reindexCompanies(trx, changed);
    return changed;
  });
}
