/**
 * One pass over the file's mapped sheets, a batch of rows at a time: read, match, decide, and
 * (when writing) create and update records inside the caller's transaction. The dry run and the
 * real run are the same pass, so what the summary promised is what the run does.
 */
import { ZodError } from 'zod';
import { AppError } from '../../shared/errors';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import { contactChannels } from '../../shared/domain/people';
import { emailLabels, phoneLabels } from '../../shared/domain/contact-points';
import {
  addressGroupHeads,
  addressPartGroup,
  CUSTOM_FIELD_PREFIX,
  customFieldTarget,
  type ImportEntity,
} from '../../shared/domain/import-fields';
import type {
  ImportCounts,
  ImportSetup,
  ImportSummary,
  MatchKey,
  RowAction,
  RowOutcome,
  RowProblem,
  SheetSetup,
  ValueChoice,
} from '../../shared/domain/imports';
import { foldText, sortKey } from '../../shared/text/fold';
import { nameWordHashes, nameWords, wordsAgree } from '../../shared/text/name-words';
import { isRoleMailbox } from '../../shared/text/email';
import { withoutLegalForms } from '../../shared/text/legal-forms';
import { rememberValidReadings } from '../../shared/text/phone';
import { insertCustomFieldDefinition, listCustomFieldDefinitions } from '../db/repositories/custom-fields';
import { addCustomField, fieldLabelled, labelTaken } from '../services/custom-fields-service';
import type { Executor } from '../db/repositories/executor';
import { journal, journalEveryPersonCreated, type JournalEntry } from '../db/repositories/imports';
import { takeRecordSnapshot } from '../db/repositories/record-snapshot';
import { insertUser, listUsers } from '../db/repositories/users';
import type { ServiceEnv } from '../services/service-env';
import type { SpreadsheetSource } from '../spreadsheets/source';
import type { CellValue } from '../spreadsheets/cell';
import { cellText, type ColumnPlan, type FieldTarget } from './row-parser';
import { parsedSheetRows } from './parsed-rows';
import type { ParsedItem, SheetParsePlan } from './sheet-parse';
import { companiesRecords } from './entities/companies-records';
import type { LoadedRecord, RecordRefs } from './entities/record-adapter';
import { recordAdapters } from './entities/record-adapters';
import { FileKeyTable, type FileEntry } from './file-keys';
import { stampConsents, type ConsentStamp } from './consent-stamps';
import { diffFlat, keepUnencodable, keysOf, mergeFlat, type FlatRecord } from './flat-record';
import { lastRecordIds, loadIntoEmptyBase } from './fresh-base';
import { alignAddresses } from './address-slots';
import { skipCauses } from './problem-labels';
import { findExisting, keyHash, rowKeys, type ExistingMatches, type RowKeys } from './match-keys';
import { CREATE_VALUE, ValueChoices, type ChoiceCatalog } from './value-choices';

const BATCH = 500;

/** A row of the file to import, parsed. */
type ParsedRow = Extract<ParsedItem, { skipped: false }>;

export type EngineInput = {
  db: Executor;
  source: SpreadsheetSource;
  setup: ImportSetup;
  env: ServiceEnv;
  /** Set when writing: the import's id for the undo journal. */
  importId: number | null;
  /** The file's name: the source of the consents it records without one. */
  fileName: string;
  signal?: AbortSignal;
  onProgress?: (rowsDone: number) => void;
  outcomes?: OutcomeSink;
  /**
   * Parse big sheets in the reader's worker thread. Default: when writing, where the main thread has
   * the writes to do; a dry run's main thread only matches, so there reading (in the worker) and
   * parsing (here) run side by side, and sooner.
   */
  parseInWorker?: boolean;
};

/** Where row outcomes go; asked first, so the rows nobody keeps are never copied out. */
export type OutcomeSink = { accepts(notable: boolean, skipped?: boolean): boolean; add(outcome: RowOutcome): void };

export type EngineResult = { summary: ImportSummary; choices: ValueChoice[] };

const emptyCounts = (): ImportCounts => ({ create: 0, update: 0, unchanged: 0, merge: 0, skip: 0 });

type PendingRow = {
  sheet: string;
  row: number;
  cells: CellValue[];
  flat: FlatRecord;
  problems: RowProblem[];
  keys: RowKeys;
  hashes: number[];
  action: RowAction;
  recordId: number | null;
  loaded: LoadedRecord | null;
  changes: RowOutcome['changes'];
  /** The service values a create writes, once validated. */
  values?: unknown;
  /** Companies sheet only: the id the file gave this company. */
  fileId: number | null;
  /** Joins a record an earlier batch of this file created: a merge, as the dry run counts it. */
  fileMerge: boolean;
  /** Repeats a row of an earlier batch: merged into what it wrote, as into a draft (nothing cleared). */
  joinsFileRow: boolean;
  /** The later rows of its batch merged into this one: skipped with it, if it is. */
  merged: PendingRow[];
  /** What later rows of the file find by this row's keys, once it is remembered. */
  entry?: FileEntry;
  /** Hashes of the first words of the record's name: see namesAgree. */
  nameWords: number[];
  /**
   * Per key (null but for a named record's phones and e-mails): the hash of the contact with the
   * name, so the second colleague on an office number finds the earlier row of the same colleague,
   * not the first's.
   */
  contactNameHashes: Array<number | null>;
  /**
   * The contact-with-name hashes this row claims: only where its contact's first row was a
   * colleague's (a hash per contact of every row would cost a million-row import tens of MB).
   */
  contactNameClaims: number[];
  /** The first phone or e-mail this row shares with a record of another name (a warning if created). */
  sharedContact: SharedContact | null;
};

/**
 * Keys an office may share: colleagues behind one phone or one «info@» mailbox, a group's companies.
 * A personal address («ivan.petrov@») is one person's, whatever name a row gives them («Петров И.»).
 */
type SharedContact = 'phone' | 'email';
function sharedContactKind(key: RowKeys[number] | undefined): SharedContact | null {
  if (key?.key === 'phone') return 'phone';
  return key?.key === 'email' && isRoleMailbox(key.value) ? 'email' : null;
}

/**
 * The words a record's name is compared by: a company's without its legal form, so «ООО Ромашка»
 * and «Общество с ограниченной ответственностью «Ромашка»» agree and two «ООО …» of a group don't.
 */
function comparedNameWords(entity: ImportEntity, name: string): number[] {
  if (entity === 'person') return nameWordHashes(name);
  const folded = foldText(name);
  return nameWordHashes(withoutLegalForms(folded) ?? folded);
}

const SHARED_CONTACT_PROBLEM = { phone: 'sharedPhone', email: 'sharedEmail' } as const;

/**
 * Whether a phone or an e-mail may join two records: their names agree (see name-words.ts), or one
 * has none to tell. Colleagues behind one office phone or mailbox have different names and stay apart.
 */
function namesAgree(first: readonly number[], second: readonly number[]): boolean {
  return first.length === 0 || second.length === 0 || wordsAgree(first, second);
}

const CHANNEL_WORDS: Record<string, string> = {
  телефон: 'phone',
  звонок: 'phone',
  call: 'phone',
  почта: 'email',
  'e-mail': 'email',
  емейл: 'email',
  мессенджер: 'messenger',
  telegram: 'messenger',
  whatsapp: 'messenger',
  встреча: 'meeting',
  письмо: 'post',
};

export async function runImportEngine(input: EngineInput): Promise<EngineResult> {
  return new ImportPass(input).run();
}

class ImportPass {
  readonly #input: EngineInput;
  readonly #writing: boolean;
  readonly #summary: ImportSummary;
  #choices!: ValueChoices;
  /** What the value choices were made from: a worker thread parsing a sheet makes its own. */
  #catalogs: ChoiceCatalog[] = [];
  readonly #definitions = new Map<ImportEntity, CustomFieldDefinition[]>();
  readonly #fileKeys = new FileKeyTable<PendingRow>();
  readonly #companyIdsFromFile = new Map<number, number>();
  readonly #companiesByName = new Map<string, number | null>();
  readonly #pendingCompanyNames = new Set<string>();
  readonly #ownersByName = new Map<string, number>();
  /** The last id of each record type before this import: 0, nothing of theirs to look up. */
  #lastIdBefore: Record<ImportEntity, number> = { person: 0, company: 0 };
  readonly #consentStamp: ConsentStamp;
  /** Into a base without people, every person is this import's: journalled at the end in one go. */
  #journalPeopleAtEnd = false;
  #rowsDone = 0;

  constructor(input: EngineInput) {
    this.#input = input;
    this.#writing = input.importId !== null;
    this.#consentStamp = { at: input.env.now().toISOString(), source: input.fileName };
    this.#summary = {
      rows: 0,
      people: emptyCounts(),
      companies: emptyCounts(),
      linkedCompaniesCreated: 0,
      errors: 0,
      warnings: 0,
      skippedByReason: {},
    };
  }

  async run(): Promise<EngineResult> {
    const { db, setup } = this.#input;
    const users = await listUsers(db);
    const owners: ChoiceCatalog = {
      field: 'owner',
      options: users.map((user) => ({ value: String(user.id), label: user.display_name })),
      fallback: setup.options.createMissingOwners ? CREATE_VALUE : null,
    };
    const channels: ChoiceCatalog = {
      field: 'preferredChannel',
      options: contactChannels.map((channel) => ({ value: channel, label: channel })),
      synonyms: CHANNEL_WORDS,
      fallback: null,
    };
    const catalogs = [owners, channels];
    for (const entity of ['person', 'company'] as const) {
      const definitions = await this.#prepareDefinitions(entity);
      for (const definition of definitions) {
        if (definition.type !== 'select' && definition.type !== 'multiselect') continue;
        catalogs.push({
          field: customFieldTarget(definition.key),
          options: definition.options.map((option) => ({ value: option, label: option })),
          fallback: null,
        });
      }
    }
    this.#catalogs = catalogs;
    this.#choices = new ValueChoices(catalogs, setup.valueMappings);
    const sheetsOf = (entity: ImportEntity) => setup.sheets.filter((sheet) => sheet.entity === entity);
    this.#lastIdBefore = await lastRecordIds(db);
    // Companies first, so people can link to the companies of the same file.
    for (const sheet of sheetsOf('company')) await this.#importSheet(sheet);
    const importPeople = async () => {
      for (const sheet of sheetsOf('person')) await this.#importSheet(sheet);
      // Every row is in: what the rows became is no longer looked up.
      this.#fileKeys.clear();
    };
    const { importId } = this.#input;
    if (importId !== null && this.#lastIdBefore.person === 0 && sheetsOf('person').length > 0) {
      this.#journalPeopleAtEnd = true;
      // The steps after the last row take a while (seconds per million rows): a cancel still counts.
      const checkpoint = async () => {
        await new Promise((resolve) => setImmediate(resolve));
        this.#throwIfCancelled();
      };
      await loadIntoEmptyBase(
        db,
        async () => {
          await importPeople();
          await checkpoint();
          await journalEveryPersonCreated(db, importId);
        },
        checkpoint,
      );
    } else {
      await importPeople();
    }
    return { summary: this.#summary, choices: this.#choices.list() };
  }

  /** Live custom fields, plus the ones this import creates (written only when writing). */
  async #prepareDefinitions(entity: ImportEntity): Promise<CustomFieldDefinition[]> {
    const { db, setup, env } = this.#input;
    const definitions = await listCustomFieldDefinitions(db, entity);
    let fakeId = -1;
    const sheets = setup.sheets.filter((item) => item.entity === entity);
    const placed = await this.#placeFileFields(entity, definitions, () => fakeId--);
    for (const column of sheets.flatMap((sheet) => sheet.columns)) {
      column.targets = column.targets.map((target) => placed.get(target) ?? target);
    }
    for (const sheet of sheets) {
      for (const column of sheet.columns) {
        if (!column.newField) continue;
        const values = { entity, label: column.newField.label, type: column.newField.type, options: [] };
        // A field of that label (case and ё aside) is the one meant: a second would be its twin.
        // Of another type it is not: its values would be read wrongly or dropped.
        const sameLabel = fieldLabelled(definitions, values.label);
        if (sameLabel && sameLabel.type !== values.type) throw labelTaken(values.label, { column: column.index });
        // The dry run only pretends: the field is made when the import really runs.
        const definition: CustomFieldDefinition =
          sameLabel ??
          (this.#writing
            ? await addCustomField(db, values, env.now().toISOString())
            : { ...values, id: fakeId--, key: `new_${-fakeId}`, position: definitions.length });
        if (sameLabel === undefined) definitions.push(definition);
        column.targets = [customFieldTarget(definition.key)];
        column.newField = null;
      }
    }
    this.#definitions.set(entity, definitions);
    return definitions;
  }

  /**
   * Finds here, or makes, each custom field a workbook of ours carries, and answers where each of
   * its targets goes. Its keys are this base's when its ids are: a field keeps its key when renamed
   * and an archived one keeps it too (its values stay hidden with it, so the file's column gets a
   * field of its own). From another base a key says nothing: a field is known by its label, the
   * way the app tells fields apart, and is never made twice (two of one label stay refused).
   */
  async #placeFileFields(
    entity: ImportEntity,
    definitions: CustomFieldDefinition[],
    nextFakeId: () => number,
  ): Promise<Map<string, string>> {
    const { db, setup, env } = this.#input;
    const sheets = setup.sheets.filter((item) => item.entity === entity);
    const takenKeys = new Set(
      (await db.selectFrom('custom_field_definitions').select('key').where('entity', '=', entity).execute()).map(
        (row) => row.key,
      ),
    );
    const placed = new Map<string, string>();
    // One field here per field of the file: two columns filling one field would overwrite each other.
    const claimed = new Set<CustomFieldDefinition>();
    const place = (key: string, definition: CustomFieldDefinition) => {
      placed.set(customFieldTarget(key), customFieldTarget(definition.key));
      claimed.add(definition);
    };
    // A key another field here has, archived or live, is its own: a new field gets one of its own.
    const make = async (field: ImportSetup['createFields'][number]): Promise<CustomFieldDefinition> => {
      const values = { entity, label: field.label, type: field.type, options: field.options };
      const keyFree = !takenKeys.has(field.key);
      let definition: CustomFieldDefinition;
      // The dry run only pretends: the field is made when the import really runs.
      if (!this.#writing) {
        const key = keyFree ? field.key : `new_${field.key}`;
        definition = { ...values, id: nextFakeId(), key, position: definitions.length };
      } else if (keyFree) {
        definition = await insertCustomFieldDefinition(db, { ...values, key: field.key }, env.now().toISOString());
      } else {
        definition = await addCustomField(db, values, env.now().toISOString());
      }
      takenKeys.add(definition.key);
      definitions.push(definition);
      return definition;
    };
    const fileFields = setup.createFields.filter((item) => item.entity === entity);
    const keysAreThisBase = setup.options.idScope === 'database';
    for (const field of keysAreThisBase ? fileFields : []) {
      const keyed = definitions.find((definition) => definition.key === field.key && definition.type === field.type);
      if (keyed) place(field.key, keyed);
    }
    for (const field of fileFields) {
      const target = customFieldTarget(field.key);
      if (placed.has(target)) continue;
      const sameLabel = fieldLabelled(definitions, field.label);
      if (sameLabel === undefined) {
        place(field.key, await make(field));
        continue;
      }
      if (sameLabel.type === field.type && !claimed.has(sameLabel)) {
        place(field.key, sameLabel);
        continue;
      }
      // Its label is another field's here: refused as a new field of that label would be, where
      // a column fills it; the user can leave that column out.
      for (const sheet of sheets) {
        const column = sheet.columns.find((item) => !item.newField && item.targets.includes(target));
        if (column) throw labelTaken(field.label, { sheet: sheet.sheet, column: column.index });
      }
    }
    return placed;
  }

  #columnPlans(sheet: SheetSetup, entity: ImportEntity): ColumnPlan[] {
    const adapter = recordAdapters[entity];
    const definitions = this.#definitions.get(entity) ?? [];
    const addressHeads = addressGroupHeads(sheet.columns);
    return sheet.columns
      .map((column) => ({
        index: column.index,
        dateOrder: column.dateOrder,
        decimal: column.decimalSeparator ?? undefined,
        labelColumn: column.labelColumn,
        addressLabel: addressHeads.get(addressPartGroup(column.targets))?.addressLabel ?? null,
        targets: column.targets.flatMap((key): FieldTarget[] => {
          if (key.startsWith(CUSTOM_FIELD_PREFIX)) {
            const definition = definitions.find((item) => customFieldTarget(item.key) === key);
            return definition ? [{ key, kind: 'custom', definition }] : [];
          }
          const spec = adapter.fields.find((item) => item.key === key);
          return spec ? [{ key, kind: spec.kind }] : [];
        }),
      }))
      .filter((column) => column.targets.length > 0);
  }

  async #importSheet(sheet: SheetSetup): Promise<void> {
    const { source, setup, env } = this.#input;
    const entity = sheet.entity!;
    const plan: SheetParsePlan = {
      headerRow: sheet.headerRow,
      skippedRows: [
        ...sheet.skipRows,
        ...setup.skippedRows.filter((ref) => ref.sheet === sheet.sheet).map((ref) => ref.row),
      ],
      fixes: setup.fixes.filter((fix) => fix.sheet === sheet.sheet),
      skipHiddenRows: sheet.skipHiddenRows,
      columns: this.#columnPlans(sheet, entity),
      defaultCountry: env.defaultCountry,
      catalogs: this.#catalogs,
      valueMappings: setup.valueMappings,
      listed: this.#choices.seenValues(),
    };
    let batch: ParsedRow[] = [];
    const inWorker = this.#input.parseInWorker ?? this.#writing;
    const process = async () => {
      // Parsed in a worker thread, their phones' readings are not in this thread's cache yet.
      if (inWorker)
        rememberValidReadings(
          batch.flatMap((row) => row.phones),
          env.defaultCountry,
        );
      await this.#processBatch(sheet.sheet, entity, batch);
      batch = [];
    };
    for await (const item of parsedSheetRows(source, sheet.sheet, plan, this.#choices, inWorker)) {
      this.#summary.rows += 1;
      if (item.skipped) {
        this.#count(entity, 'skip', 'skippedByUser');
        continue;
      }
      batch.push(item);
      if (batch.length >= BATCH) await process();
    }
    if (batch.length > 0) await process();
  }

  async #processBatch(sheet: string, entity: ImportEntity, rows: ParsedRow[]): Promise<void> {
    const { db, setup } = this.#input;
    this.#throwIfCancelled();
    const adapter = recordAdapters[entity];
    const definitions = this.#definitions.get(entity) ?? [];
    const mode = setup.options.mode;
    // A company is known by its name (unless it carries our id: two companies may share a name);
    // a person's name alone is too weak unless the user asks.
    const matchKeys =
      entity === 'company' && !setup.options.matchKeys.includes('name')
        ? [...setup.options.matchKeys, 'name' as const]
        : setup.options.matchKeys;
    const pending: PendingRow[] = rows.map(({ row, cells, flat, problems }) => {
      const name = adapter.nameOf(flat);
      const words = nameWords(name);
      const allKeys = rowKeys(flat, entity, name, matchKeys);
      // A company with our id is that company, not any of its name (two may share one).
      const keys =
        entity === 'company' &&
        setup.options.idScope === 'database' &&
        allKeys.some((key) => key.key === 'id') &&
        !setup.options.matchKeys.includes('name')
          ? allKeys.filter((key) => key.key !== 'name')
          : allKeys;
      const fileId = typeof flat['id'] === 'number' ? flat['id'] : null;
      return {
        sheet,
        row,
        cells,
        flat,
        problems,
        keys,
        // Keys of people and companies live apart: person #5 is not company #5.
        hashes: keys.map((key) => keyHash(key.key, `${entity}|${key.value}`)),
        action: 'create',
        recordId: null,
        loaded: null,
        changes: [],
        fileId,
        fileMerge: false,
        joinsFileRow: false,
        merged: [],
        nameWords: comparedNameWords(entity, name),
        contactNameHashes: keys.map((key) =>
          sharedContactKind(key) !== null && words.length > 0
            ? keyHash(key.key, `${entity}|${key.value}|${[...words].sort().join(' ')}`)
            : null,
        ),
        contactNameClaims: [],
        sharedContact: null,
      };
    });
    const existing: ExistingMatches =
      this.#lastIdBefore[entity] === 0
        ? { byKey: new Map(), names: new Map() }
        : await findExisting(
            db,
            entity,
            // Ids of another database's workbook tie its rows together, never to records here.
            pending
              .flatMap((item) => item.keys)
              .filter((key) => key.key !== 'id' || setup.options.idScope === 'database'),
            this.#lastIdBefore[entity],
          );
    const matchedIds = new Set<number>();
    for (const item of pending) {
      if (item.problems.some((problem) => problem.severity === 'error')) {
        item.action = 'skip';
        continue;
      }
      this.#decide(item, existing, entity);
    }
    // After every row is decided: a later row may turn an earlier one into an update.
    for (const item of pending) if (item.action === 'update' && item.recordId !== null) matchedIds.add(item.recordId);
    const loaded = await adapter.load(db, [...matchedIds], definitions);
    // A new record needs a name: skipped before its company is looked up (or created) for nothing.
    for (const item of pending) {
      if (item.action !== 'create' || adapter.nameOf(item.flat) !== '') continue;
      item.problems.push(problem('missingName', 'error'));
      item.action = 'skip';
    }
    await this.#resolveCompanies(entity, pending);
    const creates: PendingRow[] = [];
    const updates: Array<{ item: PendingRow; values: unknown; version: number }> = [];
    for (const item of pending) {
      if (item.action === 'skip' || item.action === 'merge') continue;
      const before = item.recordId === null ? null : (loaded.get(item.recordId) ?? null);
      if (item.action === 'update' && !before) {
        item.action = mode === 'update' ? 'skip' : 'create';
        if (item.action === 'skip') item.problems.push(problem('noMatch', 'error'));
        item.recordId = null;
      }
      const flat = stampConsents(
        before ? this.#merged(before, item) : item.flat,
        item.flat,
        before?.flat ?? null,
        this.#consentStamp,
      );
      if (adapter.nameOf(flat) === '') {
        item.problems.push(problem('missingName', 'error'));
        item.action = 'skip';
        continue;
      }
      const refs = await this.#refs(entity, flat, before, item);
      let values: unknown;
      try {
        values = adapter.toValues(flat, refs, definitions);
      } catch (error) {
        if (!(error instanceof ZodError)) throw error;
        for (const issue of error.issues) {
          item.problems.push({
            column: null,
            field: issue.path.map(String).join('.'),
            code: refusedValueCode(issue),
            severity: 'error',
            value: null,
          });
        }
        item.action = 'skip';
        continue;
      }
      if (before) {
        item.loaded = before;
        this.#claimKeysOf(before, item, entity, matchKeys);
        // The mapped fields first; then any other the merge changed (a number moved to another kind).
        item.changes = diffFlat(before.flat, flat, keysOf(item.flat, before.flat, flat));
        if (item.changes.length === 0) item.action = 'unchanged';
        else updates.push({ item, values, version: before.version });
      } else {
        creates.push(item);
        item.values = values;
      }
    }
    if (this.#writing) await this.#write(entity, creates, updates);
    for (const item of pending) this.#finish(entity, item);
    this.#rowsDone += rows.length;
    this.#input.onProgress?.(this.#rowsDone);
    // Let a cancel request (an IPC message) in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }

  #throwIfCancelled(): void {
    if (this.#input.signal?.aborted) throw new AppError('Cancelled', 'The import was cancelled');
  }

  /** Matches a row to an earlier row of the file or an existing record, and picks its action. */
  #decide(item: PendingRow, existing: ExistingMatches, entity: ImportEntity): void {
    const mode = this.#input.setup.options.mode;
    const earlier = this.#earlierRow(item);
    if (item.action === 'skip') return;
    const own = this.#existingMatch(item, existing, entity);
    if (earlier !== undefined) {
      // The earlier row was going to be a new record, and this one finds it in the base after all
      // (unless repeats are only reported: then nothing is joined).
      if (own.match !== undefined && mode === 'upsert' && this.#input.setup.options.inFileDuplicates === 'merge')
        this.#adoptRecord(earlier, own.match, entity, existing);
      this.#joinEarlier(item, earlier);
      return;
    }
    if (own.ambiguous) {
      item.problems.push(problem('ambiguousMatch', 'error'));
      item.action = 'skip';
      return;
    }
    if (own.match !== undefined) {
      if (mode === 'create') {
        item.problems.push(problem('exists', 'warning'));
        item.action = 'skip';
        return;
      }
      // Another row of the file matched the same record by another key: one update, not two.
      const sameRecord = this.#fileKeys.find(recordHash(entity, own.match));
      if (sameRecord !== undefined) {
        this.#joinEarlier(item, sameRecord);
        return;
      }
      item.action = 'update';
      item.recordId = own.match;
    } else if (mode === 'update') {
      item.problems.push(problem('noMatch', 'error'));
      item.action = 'skip';
      return;
    } else {
      item.action = 'create';
      if (item.sharedContact !== null)
        item.problems.push(problem(SHARED_CONTACT_PROBLEM[item.sharedContact], 'warning'));
    }
    this.#remember(item, entity);
  }

  /** The entry of an earlier row of the file this row repeats, if any (or the row is skipped). */
  #earlierRow(item: PendingRow): FileEntry | undefined {
    for (const [index, hash] of item.hashes.entries()) {
      let earlier = this.#fileKeys.find(hash);
      if (earlier === undefined) continue;
      const key = item.keys[index]?.key;
      const shared = sharedContactKind(item.keys[index]);
      if (shared !== null && !namesAgree(item.nameWords, this.#fileKeys.nameWords(earlier))) {
        // The contact's first row is a colleague's; an earlier row of this same record may follow it.
        const sameRecord = item.contactNameHashes[index] ?? null;
        earlier = sameRecord === null ? undefined : this.#fileKeys.find(sameRecord);
        if (earlier === undefined) {
          if (sameRecord !== null) item.contactNameClaims.push(sameRecord);
          item.sharedContact ??= shared;
          continue;
        }
      }
      // Rows the file's ids tell apart are not one company for sharing a name.
      if (key === 'name' && item.fileId !== null && this.#input.setup.options.idScope === 'file') continue;
      if (key === 'id') {
        // Our id on two rows (a row copied in Excel, then typed over): which one is the record is
        // the user's call, not a merge of both into it.
        item.problems.push(problem('repeatedId', 'error'));
        item.action = 'skip';
        return undefined;
      }
      return earlier;
    }
    return undefined;
  }

  /** The existing record the row's keys find: the first key that finds any decides. */
  #existingMatch(
    item: PendingRow,
    existing: ExistingMatches,
    entity: ImportEntity,
  ): { match: number | undefined; ambiguous: boolean } {
    for (const key of item.keys) {
      let ids = existing.byKey.get(`${key.key}:${key.value}`);
      const shared = sharedContactKind(key);
      if (ids && shared !== null) {
        const agreeing = ids.filter((id) =>
          namesAgree(item.nameWords, comparedNameWords(entity, existing.names.get(id) ?? '')),
        );
        if (agreeing.length < ids.length) item.sharedContact ??= shared;
        ids = agreeing;
      }
      if (!ids || ids.length === 0) continue;
      return { match: ids.length === 1 ? ids[0] : undefined, ambiguous: ids.length > 1 };
    }
    return { match: undefined, ambiguous: false };
  }

  /** This row repeats an earlier one: merged into its draft, or an update of what it became. */
  #joinEarlier(item: PendingRow, earlier: FileEntry): void {
    if (this.#input.setup.options.inFileDuplicates === 'report') {
      item.problems.push(problem('duplicateInFile', 'error'));
      item.action = 'skip';
      return;
    }
    const draft = this.#fileKeys.pending(earlier);
    if (draft && draft !== item) {
      // Merged into the earlier row before anything is written.
      draft.flat = mergeFlat(draft.flat, item.flat, {
        overwriteWithEmpty: false,
        listFields: LIST_FIELDS,
        mappedFields: Object.keys(item.flat),
        joinedTexts: JOINED_TEXTS,
      });
      item.action = 'merge';
      draft.merged.push(item);
      this.#alias(item, earlier);
      return;
    }
    const recordId = this.#fileKeys.recordId(earlier);
    item.action = recordId === null ? 'merge' : 'update';
    if (recordId === null) {
      this.#alias(item, earlier);
      return;
    }
    item.recordId = recordId;
    item.joinsFileRow = true;
    if (this.#fileKeys.created(earlier)) item.fileMerge = true;
    else item.problems.push(problem('mergedInFile', 'warning'));
    // This row is the record's draft now: later rows of its batch merge into it, not update again.
    this.#fileKeys.reopen(earlier, item);
    item.entry = earlier;
    this.#alias(item, earlier);
  }

  /**
   * A record this import updates is found by the keys it had before, too: a later row with the
   * phone an earlier row's empty cell cleared joins that row, in the run as in the dry run (which
   * clears nothing), instead of making a new record.
   */
  #claimKeysOf(before: LoadedRecord, item: PendingRow, entity: ImportEntity, matchKeys: readonly MatchKey[]): void {
    if (item.entry === undefined) return;
    const adapter = recordAdapters[entity];
    for (const key of rowKeys(before.flat, entity, adapter.nameOf(before.flat), matchKeys)) {
      // Its phones and e-mails only: its id is the record itself (recordHash), and a name is no
      // proof (two companies may share one; a row with our id is not found by its name).
      if (key.key === 'email' || key.key === 'phone')
        this.#fileKeys.claim(keyHash(key.key, `${entity}|${key.value}`), item.entry);
    }
  }

  /** An earlier row's draft of a new record becomes an update of the record a later row found. */
  #adoptRecord(earlier: FileEntry, recordId: number, entity: ImportEntity, existing: ExistingMatches): void {
    const draft = this.#fileKeys.pending(earlier);
    if (!draft || draft.action !== 'create' || draft.recordId !== null) return;
    // The earlier row must be that person too, not a colleague sharing the office phone with them.
    if (!namesAgree(draft.nameWords, comparedNameWords(entity, existing.names.get(recordId) ?? ''))) return;
    if (this.#fileKeys.find(recordHash(entity, recordId)) !== undefined) return;
    draft.action = 'update';
    draft.recordId = recordId;
    draft.problems = draft.problems.filter((found) => found.code !== 'sharedPhone' && found.code !== 'sharedEmail');
    this.#fileKeys.claim(recordHash(entity, recordId), earlier);
  }

  #remember(item: PendingRow, entity: ImportEntity): void {
    item.entry = this.#fileKeys.add(item, item.recordId, item.nameWords);
    this.#alias(item, item.entry);
    if (item.recordId !== null) this.#fileKeys.claim(recordHash(entity, item.recordId), item.entry);
  }

  /** A merged row's other keys (a new phone) lead later rows to the same record. */
  #alias(item: PendingRow, entry: FileEntry): void {
    for (const hash of item.hashes) this.#fileKeys.claim(hash, entry);
    for (const hash of item.contactNameClaims) this.#fileKeys.claim(hash, entry);
  }

  #merged(before: LoadedRecord, item: PendingRow): FlatRecord {
    // A repeat of a row an earlier batch wrote adds to it as it would to that row's draft: the
    // batch a row lands in must not decide what it clears.
    const { overwriteWithEmpty, replaceLists } = item.joinsFileRow
      ? { overwriteWithEmpty: false, replaceLists: false }
      : this.#input.setup.options;
    // The file's addresses go to the record's addresses of their kinds, whichever slot the sheet gave.
    const incoming = keepUnencodable(before.flat, alignAddresses(before.flat, item.flat));
    const mappedFields = Object.keys(incoming).filter((key) => key !== 'id');
    return mergeFlat(before.flat, incoming, {
      overwriteWithEmpty,
      listFields: LIST_FIELDS,
      mappedFields,
      replaceLists,
      // An update replaces the note (an edited workbook's fix of a typo); a repeat adds its own.
      ...(item.joinsFileRow ? { joinedTexts: JOINED_TEXTS } : {}),
    });
  }

  /** Links people to companies: by the file's company id, by name, or by creating the company. */
  async #resolveCompanies(entity: ImportEntity, pending: PendingRow[]): Promise<void> {
    if (entity !== 'person') return;
    const { db } = this.#input;
    // Rows that won't be written (skipped, merged into an earlier row) create no company.
    const writing = pending.filter((item) => item.action !== 'skip' && item.action !== 'merge');
    const lookups = new Set<string>();
    for (const item of writing) {
      const name = item.flat['company'];
      if (typeof name === 'string' && name !== '' && !this.#companiesByName.has(sortKey(name))) {
        lookups.add(sortKey(name));
      }
    }
    if (lookups.size === 0) return;
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'sort_key'])
      .where('sort_key', 'in', [...lookups])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const row of rows)
      if (!this.#companiesByName.has(row.sort_key)) this.#companiesByName.set(row.sort_key, row.id);
    const missing = writing.flatMap((item) => {
      const name = item.flat['company'];
      return typeof name === 'string' && name !== '' && !this.#companiesByName.has(sortKey(name)) ? [name] : [];
    });
    if (!this.#input.setup.options.createMissingCompanies) return;
    // The first spelling met names the company.
    const unique = [...new Map(missing.reverse().map((name) => [sortKey(name), name])).values()].reverse();
    for (const name of unique) this.#pendingCompanyNames.add(sortKey(name));
    if (!this.#writing) {
      this.#summary.linkedCompaniesCreated = this.#pendingCompanyNames.size;
      for (const name of unique) this.#companiesByName.set(sortKey(name), null);
      return;
    }
    const values = unique.map((name) => companiesRecords.toValues({ name }, { ownerId: null, companyId: null }, []));
    const ids = await companiesRecords.createMany(db, values, this.#definitions.get('company') ?? [], this.#input.env);
    unique.forEach((name, index) => this.#companiesByName.set(sortKey(name), ids[index]!));
    await this.#journal(
      ids.map((id) => ({ entity: 'company', recordId: id, action: 'created', versionAfter: 1, before: null })),
    );
    this.#summary.linkedCompaniesCreated += ids.length;
  }

  async #refs(
    entity: ImportEntity,
    flat: FlatRecord,
    before: LoadedRecord | null,
    item: PendingRow,
  ): Promise<RecordRefs> {
    const refs: RecordRefs = { ownerId: null, companyId: null };
    const owner = flat['owner'];
    if (before && owner === before.flat['owner']) refs.ownerId = before.refs.ownerId;
    else if (typeof owner === 'string' && owner !== '') refs.ownerId = await this.#owner(owner, item);
    if (entity !== 'person') return refs;
    const fileCompanyId = item.flat['companyId'];
    if (typeof fileCompanyId === 'number') {
      refs.companyId = this.#companyIdsFromFile.get(fileCompanyId) ?? null;
      if (refs.companyId !== null) return refs;
    }
    const company = flat['company'];
    if (before && company === before.flat['company']) refs.companyId = before.refs.companyId;
    else if (typeof company === 'string' && company !== '')
      refs.companyId = this.#companiesByName.get(sortKey(company)) ?? null;
    return refs;
  }

  async #owner(name: string, item: PendingRow): Promise<number | null> {
    const target = this.#choices.resolve('owner', name);
    if (target === null) {
      item.problems.push({ column: null, field: 'owner', code: 'unknownOwner', severity: 'warning', value: name });
      return null;
    }
    if (target !== CREATE_VALUE) return Number(target);
    const key = foldText(name);
    const known = this.#ownersByName.get(key);
    if (known !== undefined) return known;
    if (!this.#writing) return null;
    const id = await insertUser(
      this.#input.db,
      { displayName: name.trim(), email: null },
      this.#input.env.now().toISOString(),
    );
    this.#ownersByName.set(key, id);
    return id;
  }

  async #write(
    entity: ImportEntity,
    creates: PendingRow[],
    updates: Array<{ item: PendingRow; values: unknown; version: number }>,
  ): Promise<void> {
    const { db, env } = this.#input;
    const adapter = recordAdapters[entity];
    const definitions = this.#definitions.get(entity) ?? [];
    const ids = await adapter.createMany(
      db,
      creates.map((item) => item.values),
      definitions,
      env,
    );
    const journalled = !(entity === 'person' && this.#journalPeopleAtEnd);
    const entries: JournalEntry[] = [];
    creates.forEach((item, index) => {
      item.recordId = ids[index]!;
      if (entity === 'company' && item.fileId !== null) this.#companyIdsFromFile.set(item.fileId, item.recordId);
      if (entity === 'company') this.#companiesByName.set(sortKey(adapter.nameOf(item.flat)), item.recordId);
      if (journalled)
        entries.push({ entity, recordId: item.recordId, action: 'created', versionAfter: 1, before: null });
    });
    for (const { item, values, version } of updates) {
      const id = item.recordId!;
      // Into a base without people, an update is of a person this import created: nothing to snapshot.
      const snapshot = journalled ? await takeRecordSnapshot(db, entity, id) : null;
      await adapter.update(db, id, version, values, env);
      if (entity === 'company' && item.fileId !== null) this.#companyIdsFromFile.set(item.fileId, id);
      if (journalled) {
        entries.push({
          entity,
          recordId: id,
          action: 'updated',
          versionAfter: version + 1,
          before: JSON.stringify(snapshot),
        });
      }
    }
    // Created records come with their search documents; updated ones are indexed again.
    await adapter.reindex(
      db,
      updates.map(({ item }) => item.recordId!),
    );
    await this.#journal(entries);
  }

  /** Keeps the first snapshot of a record the import touches twice (see journal()). */
  async #journal(entries: JournalEntry[]): Promise<void> {
    if (this.#input.importId !== null && entries.length > 0)
      await journal(this.#input.db, this.#input.importId, entries);
  }

  #finish(entity: ImportEntity, item: PendingRow): void {
    // The written record is what later rows of the file merge into; the draft can go.
    if (item.entry !== undefined && this.#fileKeys.pending(item.entry) === item) {
      const entry = item.entry;
      // A skipped repeat leaves the record an earlier batch wrote as it was.
      if (item.action === 'skip' && item.joinsFileRow)
        this.#fileKeys.settle(entry, this.#fileKeys.recordId(entry), this.#fileKeys.created(entry));
      // A skipped row (no name) is no one later rows could merge into.
      else if (item.action === 'skip') this.#fileKeys.drop(entry);
      else this.#fileKeys.settle(entry, item.recordId, item.action === 'create' || item.fileMerge);
    }
    // Rows merged into a skipped one were skipped with it: said so, not counted as merged.
    if (item.action === 'skip') {
      for (const joined of item.merged) {
        joined.action = 'skip';
        joined.problems.push(problem('joinedSkippedRow', 'error'));
      }
    }
    // Every company row the file numbers, unchanged ones too: its people link by that number.
    if (entity === 'company' && item.fileId !== null && item.recordId !== null) {
      this.#companyIdsFromFile.set(item.fileId, item.recordId);
    }
    if (entity === 'company' && item.action === 'create' && !this.#writing) {
      // A dry run writes nothing, but people of this file will link to this company by name.
      this.#companiesByName.set(sortKey(companiesRecords.nameOf(item.flat)), null);
    }
    for (const found of item.problems) {
      if (found.severity === 'error') this.#summary.errors += 1;
      else this.#summary.warnings += 1;
    }
    const reason = skipCauses(item.problems)[0]?.code ?? 'skipped';
    const action = item.fileMerge && item.action !== 'skip' ? 'merge' : item.action;
    this.#count(entity, action, action === 'skip' ? reason : null);
    const { outcomes } = this.#input;
    if (!outcomes?.accepts(item.problems.length > 0 || action !== 'create', action === 'skip')) return;
    outcomes.add({
      sheet: item.sheet,
      row: item.row,
      entity,
      action,
      recordId: item.recordId,
      cells: item.cells.map(cellText),
      problems: item.problems,
      changes: item.changes,
    });
  }

  #count(entity: ImportEntity, action: RowAction, reason: string | null): void {
    const counts = entity === 'person' ? this.#summary.people : this.#summary.companies;
    counts[action] += 1;
    if (reason !== null) this.#summary.skippedByReason[reason] = (this.#summary.skippedByReason[reason] ?? 0) + 1;
  }
}

/** Fields an update joins rather than replaces: nothing the record had is lost. */
/** Each row of one record in the file adds its note, the first row's is not replaced. */
const JOINED_TEXTS: ReadonlySet<string> = new Set(['notes']);

const LIST_FIELDS: ReadonlySet<string> = new Set([
  'tags',
  ...phoneLabels.map((label) => `phone.${label}`),
  ...emailLabels.map((label) => `email.${label}`),
]);

/** Why the record's own checks refused a value the row parser let through. */
function refusedValueCode(issue: ZodError['issues'][number]): RowProblem['code'] {
  if (issue.code === 'too_big') return 'tooLong';
  const [field] = issue.path;
  if (field === 'emails') return 'invalidEmail';
  if (field === 'phones') return 'invalidPhone';
  if (field === 'birthday') return 'unreadableDate';
  return 'invalidValue';
}

/** The key an existing record is found by among the rows matched to it (not a key of the file's). */
function recordHash(entity: ImportEntity, recordId: number): number {
  return keyHash('id', `${entity}|record|${recordId}`);
}

function problem(code: RowProblem['code'], severity: RowProblem['severity']): RowProblem {
  return { column: null, field: null, code, severity, value: null };
}
