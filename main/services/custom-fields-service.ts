import { AppError } from '../../shared/errors';
import {
  CustomFieldDefinitionInput,
  MAX_FIELD_OPTIONS,
  MAX_OPTION_LENGTH,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldType,
} from '../../shared/domain/custom-fields';
import type { SavedView } from '../../shared/domain/saved-views';
import { customFieldTarget } from '../../shared/domain/import-fields';
import { slugKey } from '../../shared/text/transliterate';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import {
  archiveCustomFieldDefinition,
  findLiveCustomField,
  insertCustomFieldDefinition,
  listCustomFieldDefinitions,
  updateCustomFieldDefinition,
} from '../db/repositories/custom-fields';
import { takeFieldOutOfViews, viewsUsingField } from './saved-views-service';
import type { ServiceEnv } from './service-env';
import { labelKey } from '../import/mapping/label-key';

const CHOICE_TYPES = new Set(['select', 'multiselect']);

export function listCustomFields(db: AppDb, entity: CustomFieldEntity): Promise<CustomFieldDefinition[]> {
  return listCustomFieldDefinitions(db, entity);
}

/**
 * A field is told apart by its label (the form, the list's column, the filter, the export's
 * header): two labels an import reads as one (case, ё, spacing and punctuation aside) would be two
 * columns that an export can't bring back apart.
 */
async function refuseTakenLabel(
  db: Executor,
  entity: CustomFieldEntity,
  label: string,
  exceptId: number | null = null,
): Promise<void> {
  const live = await listCustomFieldDefinitions(db, entity);
  if (
    fieldLabelled(
      live.filter((field) => field.id !== exceptId),
      label,
    )
  )
    throw labelTaken(label);
}

/** The field of this label among `fields`, as an import tells labels apart. */
export function fieldLabelled<F extends { label: string }>(fields: readonly F[], label: string): F | undefined {
  const key = labelKey(label);
  return fields.find((field) => labelKey(field.label) === key);
}

/** The refusal of a second field of one label (`details`: where it was asked for). */
export function labelTaken(label: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('InvalidInput', `A field labelled "${label}" exists already`, {
    field: 'label',
    reason: 'labelTaken',
    ...details,
  });
}

/** Adds a field; its key is made from the label and kept unique ("region", "region_2"...). */
export async function createCustomField(
  db: AppDb,
  input: CustomFieldDefinitionInput,
  env: ServiceEnv,
): Promise<CustomFieldDefinition> {
  const values = CustomFieldDefinitionInput.parse(input);
  if (CHOICE_TYPES.has(values.type) && values.options.length === 0) {
    throw new AppError('InvalidInput', 'A list field needs at least one option', { field: 'options' });
  }
  return db.transaction().execute(async (trx) => {
    await refuseTakenLabel(trx, values.entity, values.label);
    return addCustomField(trx, values, env.now().toISOString());
  });
}

/** Inserts a field in the caller's transaction, with a unique key made from its label. */
export async function addCustomField(
  trx: Executor,
  values: { entity: CustomFieldEntity; label: string; type: CustomFieldType; options: string[] },
  at: string,
): Promise<CustomFieldDefinition> {
  const taken = new Set(
    (await trx.selectFrom('custom_field_definitions').select('key').where('entity', '=', values.entity).execute()).map(
      (row) => row.key,
    ),
  );
  const base = slugKey(values.label);
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return insertCustomFieldDefinition(
    trx,
    { entity: values.entity, key, label: values.label, type: values.type, options: [...new Set(values.options)] },
    at,
  );
}

/** Renames a field or changes its options; options in use can't be removed (values would dangle). */
export async function updateCustomField(
  db: AppDb,
  id: number,
  label: string,
  options: string[],
): Promise<CustomFieldDefinition> {
  label = CustomFieldDefinitionInput.shape.label.parse(label);
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('person_custom_values')
      .select('value_text')
      .where('field_id', '=', id)
      .union(trx.selectFrom('company_custom_values').select('value_text').where('field_id', '=', id))
      .execute();
    const definition = await trx
      .selectFrom('custom_field_definitions')
      .select(['type', 'entity', 'label', 'options'])
      .where('id', '=', id)
      .executeTakeFirst();
    // Only a new label is checked: fields labelled alike before labels were compared so stay editable.
    if (definition && labelKey(definition.label) !== labelKey(label)) {
      await refuseTakenLabel(trx, definition.entity, label, id);
    }
    if (definition) refuseOptionsPastLimits(JSON.parse(definition.options) as string[], options);
    if (definition && CHOICE_TYPES.has(definition.type)) {
      if (options.length === 0) {
        throw new AppError('InvalidInput', 'A list field needs at least one option', { field: 'options' });
      }
      const missing = used.map((row) => row.value_text).filter((value) => value !== null && !options.includes(value));
      if (missing.length > 0) {
        throw new AppError('InvalidInput', `Options still in use: ${missing.join(', ')}`, { field: 'options' });
      }
    }
    const updated = await updateCustomFieldDefinition(trx, id, { label, options: [...new Set(options)] });
    if (!updated) throw new AppError('NotFound', 'The field does not exist', { id });
    return updated;
  });
}

/**
 * The limits a new field's options have, for options added (one past them would not come back from
 * an export); options kept from before the limits stay.
 */
function refuseOptionsPastLimits(stored: readonly string[], options: readonly string[]): void {
  const added = options.filter((option) => !stored.includes(option));
  if (added.length === 0) return;
  const tooLong = added.find((option) => option.length > MAX_OPTION_LENGTH);
  if (tooLong !== undefined || new Set(options).size > MAX_FIELD_OPTIONS) {
    throw new AppError('InvalidInput', `At most ${MAX_FIELD_OPTIONS} options of ${MAX_OPTION_LENGTH} characters`, {
      field: 'options',
    });
  }
}

/**
 * Archives a field and takes it out of the saved views that filter, sort or show it, in one
 * transaction. Returns the views changed.
 */
export async function archiveCustomField(db: AppDb, id: number, env: ServiceEnv): Promise<SavedView[]> {
  return db.transaction().execute(async (trx) => {
    const at = env.now().toISOString();
    const field = await archiveCustomFieldDefinition(trx, id, at);
    if (!field) throw new AppError('NotFound', 'The field does not exist', { id });
    return takeFieldOutOfViews(trx, field.entity, customFieldTarget(field.key), at);
  });
}

/** The saved views archiving this field would change: the archive dialog names them. */
export async function viewsUsingCustomField(db: AppDb, id: number): Promise<SavedView[]> {
  const field = await findLiveCustomField(db, id);
  if (!field) throw new AppError('NotFound', 'The field does not exist', { id });
  return viewsUsingField(db, field.entity, customFieldTarget(field.key));
}
