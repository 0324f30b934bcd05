import { z } from 'zod';
import { IsoDateTime, LONG_TEXT_MAX, RecordId } from './common';
import { BulkTarget } from './bulk';
import { SortOrder } from './list-query';
import { importEntities } from './import-fields';
import { CustomFieldType } from './custom-fields';
import { addressLabels } from './contact-points';

export const ImportEntity = z.enum(importEntities);

/** create: new records only; update: matched records only; upsert: both. */
export const importModes = ['create', 'update', 'upsert'] as const;
export const ImportMode = z.enum(importModes);
export type ImportMode = z.infer<typeof ImportMode>;

/** How a row finds an existing record: "name" is name + company for people, the name for companies. */
export const matchKeys = ['id', 'email', 'phone', 'name'] as const;
export const MatchKey = z.enum(matchKeys);
export type MatchKey = z.infer<typeof MatchKey>;

export const DateOrder = z.enum(['dmy', 'mdy', 'ymd']);
export type DateOrder = z.infer<typeof DateOrder>;

export const CsvEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1251']);
export const CsvDelimiter = z.enum([';', ',', '\t', '|']);

export const ImportFileRequest = z.object({
  path: z.string().min(1),
  /** Overrides what was detected for a CSV file. */
  encoding: CsvEncoding.optional(),
  delimiter: CsvDelimiter.optional(),
});
export type ImportFileRequest = z.infer<typeof ImportFileRequest>;

/** A column that becomes a new custom field; list fields need their options defined in Settings first. */
export const NewCustomField = z.object({
  label: z.string().trim().min(1).max(100),
  type: z.enum(['text', 'number', 'date', 'checkbox']),
});

export const DecimalSeparator = z.enum([',', '.']);

export const ColumnMapping = z.object({
  index: z.number().int().nonnegative(),
  /** Field keys from shared/domain/import-fields.ts; several when one column feeds several fields. */
  targets: z.array(z.string().min(1)).max(8).default([]),
  /** How to read text dates in this column when it is ambiguous (01/02/2024). */
  dateOrder: DateOrder.nullable().default(null),
  /** Its numbers' decimal separator, which "1,500" alone doesn't tell (1.5 or 1500). */
  decimalSeparator: DecimalSeparator.nullable().default(null),
  /**
   * For phones and e-mails: the column that says, row by row, which kind each value is (Google
   * Contacts' "Phone 1 - Label": Mobile, Work...). A row whose label is empty keeps the target's kind.
   */
  labelColumn: z.number().int().nonnegative().nullable().default(null),
  /**
   * For an address's parts: the kind of address the column's header names (Outlook's "Home Street"
   * is a home address), taken when no column gives the address's kind.
   */
  addressLabel: z.enum(addressLabels).nullable().default(null),
  /** Makes the column a new custom field on the spot (created when the import runs). */
  newField: NewCustomField.nullable().default(null),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;
export type ColumnMappingInput = z.input<typeof ColumnMapping>;

export const SheetSetup = z.object({
  sheet: z.string(),
  /** null: this sheet is not imported. */
  entity: ImportEntity.nullable(),
  headerRow: z.number().int().nonnegative(),
  /** Rows (0-based, below the header) left out. */
  skipRows: z.array(z.number().int().nonnegative()).max(1_000_000).default([]),
  /** Leaves out the rows Excel hides (by hand, or a filter that doesn't show them). */
  skipHiddenRows: z.boolean().default(false),
  columns: z.array(ColumnMapping).max(500),
});
export type SheetSetup = z.infer<typeof SheetSetup>;
export type SheetSetupInput = z.input<typeof SheetSetup>;

/**
 * What the file's values for a field (owner, preferred channel, a select custom field) become:
 * keys are the folded source text; a value is an existing target (user id as text, option), or
 * null for "leave empty". A source value missing here is matched automatically when it can be.
 */
export const ValueMapping = z.object({
  field: z.string(),
  values: z.record(z.string(), z.string().nullable()),
});
export type ValueMapping = z.infer<typeof ValueMapping>;

export const ImportOptions = z.object({
  mode: ImportMode.default('upsert'),
  matchKeys: z.array(MatchKey).max(4).default(['id', 'email', 'phone']),
  /** When updating, an empty cell clears the field only if this is on. */
  overwriteWithEmpty: z.boolean().default(false),
  /** When updating, phones, e-mails and tags become the file's (off: the file's are added). */
  replaceLists: z.boolean().default(false),
  /**
   * Whose ids the file's id column holds: this database's (records are matched by them), or
   * another's (a workbook exported elsewhere: they only tie the file's rows to each other).
   */
  idScope: z.enum(['database', 'file']).default('database'),
  /** Rows of the file that match each other: merged into the first, or reported and skipped. */
  inFileDuplicates: z.enum(['merge', 'report']).default('merge'),
  /** A company name that matches no company creates one. */
  createMissingCompanies: z.boolean().default(true),
  /** An owner name that matches no user creates one. */
  createMissingOwners: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** A value typed into the dry-run grid, replacing the file's cell. */
export const CellFix = z.object({
  sheet: z.string(),
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  value: z.string().max(LONG_TEXT_MAX),
});
export type CellFix = z.infer<typeof CellFix>;

export const RowRef = z.object({ sheet: z.string(), row: z.number().int().nonnegative() });

/** A custom field a workbook of ours carries, created by the import when missing. */
export const FileCustomField = z.object({
  entity: ImportEntity,
  key: z.string().min(1).max(100),
  label: z.string().min(1).max(100),
  type: CustomFieldType,
  options: z.array(z.string().max(100)).max(200),
});

export const ImportSetup = z.object({
  sheets: z.array(SheetSetup).min(1).max(50),
  options: ImportOptions.default(ImportOptions.parse({})),
  valueMappings: z.array(ValueMapping).max(200).default([]),
  fixes: z.array(CellFix).max(100_000).default([]),
  skippedRows: z.array(RowRef).max(1_000_000).default([]),
  /** Custom fields to create when missing (by key): what our own workbooks carry. */
  createFields: z.array(FileCustomField).max(500).default([]),
});
export type ImportSetup = z.infer<typeof ImportSetup>;
export type ImportSetupInput = z.input<typeof ImportSetup>;

export const SuggestedColumn = z.object({
  index: z.number().int().nonnegative(),
  header: z.string(),
  targets: z.array(z.string()),
  confidence: z.enum(['header', 'values', 'template', 'none']),
  /** Set when the column's text dates can be read two ways. */
  ambiguousDates: z.boolean(),
  /** The order its text dates are read in: detected from the values, or day first when asked. */
  dateOrder: DateOrder.nullable(),
  /** Its numbers' decimal separator, as the column's values show it; null: they don't (see parseNumberColumn). */
  decimalSeparator: DecimalSeparator.nullable(),
  /** The column holding each row's kind of phone or e-mail (see ColumnMapping.labelColumn). */
  labelColumn: z.number().int().nonnegative().nullable(),
  /**
   * The column its header says holds each row's kind ("Phone 1 - Value" → "Phone 1 - Label"),
   * however the column is mapped: the wizard offers it whenever the column feeds phones or e-mails.
   */
  headerLabelColumn: z.number().int().nonnegative().nullable(),
  /** The kind of address its header names (see ColumnMapping.addressLabel). */
  addressLabel: z.enum(addressLabels).nullable(),
});

export const SheetPreview = z.object({
  name: z.string(),
  /** Excel hides the sheet: not imported unless the user gives it a record type. */
  hidden: z.boolean(),
  /** What its rows look like (the entity, unless the sheet is hidden): what naming the sheet imports. */
  likelyEntity: ImportEntity.nullable(),
  /** The first rows as text, for the header-row and skip-row pickers. */
  rows: z.array(z.array(z.string())),
  /** Which of those rows Excel hides (0-based): the wizard then offers to leave hidden rows out. */
  hiddenRows: z.array(z.number().int().nonnegative()),
  headerRow: z.number().int().nonnegative(),
  entity: ImportEntity.nullable(),
  columns: z.array(SuggestedColumn),
  /** A saved template whose headers match this sheet's. */
  template: z.object({ id: RecordId, name: z.string() }).nullable(),
});
export type SheetPreview = z.infer<typeof SheetPreview>;

/** Suggests one sheet's columns again from another header row (the wizard's header-row picker). */
export const SuggestColumnsRequest = z.object({
  sessionId: z.string(),
  sheet: z.string(),
  headerRow: z.number().int().nonnegative(),
  /** The record type the columns are suggested for; a matching template brings its own... */
  entity: ImportEntity,
  /** ...unless the user has just chosen this type: then only its own templates apply. */
  entityChosen: z.boolean().default(false),
});
export type SuggestColumnsRequestInput = z.input<typeof SuggestColumnsRequest>;
export const SuggestColumnsResult = SheetPreview.pick({ headerRow: true, entity: true, columns: true, template: true });
export type SuggestColumnsResult = z.infer<typeof SuggestColumnsResult>;

export const ImportFile = z.object({
  sessionId: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv', 'vcard']),
  csv: z.object({ encoding: CsvEncoding, delimiter: z.string() }).nullable(),
  sheets: z.array(SheetPreview),
  createFields: z.array(FileCustomField),
  /** A workbook Kartoteka wrote: records match by id only. */
  ownWorkbook: z.boolean(),
  /** Our workbook, but exported from another database: its ids are not this database's. */
  fromOtherDatabase: z.boolean(),
});
export type ImportFile = z.infer<typeof ImportFile>;

/**
 * The options a workbook of ours is re-imported with. From this database: records matched by id
 * (e-mail or phone would join distinct records), each row the whole truth about its columns (a
 * cleared cell clears the field, a removed tag or phone goes). From another: its ids only tie its
 * rows to each other, and records here are found as in any file (e-mail, phone, company name) and
 * only added to. Owners it names are created either way.
 */
export function ownWorkbookOptions(file: Pick<ImportFile, 'fromOtherDatabase'>): Partial<ImportOptions> {
  if (file.fromOtherDatabase)
    return { matchKeys: ['id', 'email', 'phone'], idScope: 'file', createMissingOwners: true };
  return { matchKeys: ['id'], overwriteWithEmpty: true, replaceLists: true, createMissingOwners: true };
}

export const problemCodes = [
  'missingName',
  'invalidEmail',
  'invalidPhone',
  'unreadableDate',
  'ambiguousDate',
  'unreadableNumber',
  'unreadableBoolean',
  'unknownOption',
  'unknownOwner',
  'unknownChannel',
  'unknownId',
  'tooLong',
  'invalidValue',
  'duplicateInFile',
  'mergedInFile',
  'joinedSkippedRow',
  'repeatedId',
  'sharedPhone',
  'sharedEmail',
  'ambiguousMatch',
  'noMatch',
  'exists',
  'formulaText',
  'totalsRow',
  'hiddenRow',
] as const;
export const ProblemCode = z.enum(problemCodes);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const RowProblem = z.object({
  /** The file's column, when the problem is one cell's. */
  column: z.number().int().nonnegative().nullable(),
  field: z.string().nullable(),
  code: ProblemCode,
  /** Errors skip the row; warnings import it (an invalid phone is kept as typed). */
  severity: z.enum(['error', 'warning']),
  value: z.string().nullable(),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const FieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type FieldChange = z.infer<typeof FieldChange>;

export const rowActions = ['create', 'update', 'unchanged', 'merge', 'skip'] as const;
export const RowAction = z.enum(rowActions);
export type RowAction = z.infer<typeof RowAction>;

export const RowOutcome = z.object({
  sheet: z.string(),
  row: z.number().int().nonnegative(),
  entity: ImportEntity,
  action: RowAction,
  /** The matched record, for updates. */
  recordId: RecordId.nullable(),
  /** The row's cells as text (fixes applied). */
  cells: z.array(z.string()),
  problems: z.array(RowProblem),
  changes: z.array(FieldChange),
});
export type RowOutcome = z.infer<typeof RowOutcome>;

const Counts = z.object({
  create: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  merge: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof Counts>;

export const ImportSummary = z.object({
  rows: z.number().int().nonnegative(),
  people: Counts,
  companies: Counts,
  /** Companies created because people name them. */
  linkedCompaniesCreated: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** Skipped rows by reason: { missingName: 3, ... }. */
  skippedByReason: z.record(z.string(), z.number().int().nonnegative()),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ValueChoice = z.object({
  field: z.string(),
  /** Existing targets the values can map to. */
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  values: z.array(
    z.object({
      /** Folded source text: the key of ValueMapping.values. */
      key: z.string(),
      source: z.string(),
      count: z.number().int().nonnegative(),
      /** What it maps to now (given or matched automatically); null: nothing. */
      target: z.string().nullable(),
    }),
  ),
});
export type ValueChoice = z.infer<typeof ValueChoice>;

export const DryRunResult = z.object({
  summary: ImportSummary,
  valueChoices: z.array(ValueChoice),
  elapsedMs: z.number().nonnegative(),
});
export type DryRunResult = z.infer<typeof DryRunResult>;

export const rowFilters = ['all', 'problems', 'updates', 'skipped'] as const;
export const DryRunRowsQuery = z.object({
  sessionId: z.string(),
  filter: z.enum(rowFilters).default('all'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export const DryRunRows = z.object({
  total: z.number().int().nonnegative(),
  /** Headers of each sheet's mapped columns, by sheet name. */
  headers: z.record(z.string(), z.array(z.string())),
  rows: z.array(RowOutcome),
});
export type DryRunRows = z.infer<typeof DryRunRows>;

export const ImportReport = z.object({
  importId: RecordId,
  summary: ImportSummary,
  elapsedMs: z.number().nonnegative(),
  rowsPerSecond: z.number().nonnegative(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportHistoryItem = z.object({
  id: RecordId,
  fileName: z.string(),
  mode: ImportMode,
  summary: ImportSummary,
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime,
  undoneAt: IsoDateTime.nullable(),
});
export type ImportHistoryItem = z.infer<typeof ImportHistoryItem>;

export const UndoConflict = z.object({
  entity: ImportEntity,
  id: RecordId,
  name: z.string(),
  action: z.enum(['created', 'updated']),
});
export type UndoConflict = z.infer<typeof UndoConflict>;

export const UndoImportRequest = z.object({
  importId: RecordId,
  /** Records edited since the import that the user chose to undo anyway; the rest are kept. */
  force: z
    .array(z.object({ entity: ImportEntity, id: RecordId }))
    .max(1_000_000)
    .default([]),
  /** Check only: report the conflicts without changing anything. */
  check: z.boolean().default(false),
});

export const UndoImportResult = z.object({
  removed: z.number().int().nonnegative(),
  restored: z.number().int().nonnegative(),
  /** Records edited since the import, left as they are (not forced). */
  conflicts: z.array(UndoConflict),
  done: z.boolean(),
});
export type UndoImportResult = z.infer<typeof UndoImportResult>;

export const ImportTemplate = z.object({
  id: RecordId,
  name: z.string(),
  entity: ImportEntity,
  headerSignature: z.string(),
  columns: z.array(ColumnMapping),
});
export type ImportTemplate = z.infer<typeof ImportTemplate>;

export const SaveTemplateRequest = z.object({
  name: z.string().trim().min(1).max(200),
  entity: ImportEntity,
  headers: z.array(z.string()).max(500),
  columns: z.array(ColumnMapping).max(500),
});

export const Language = z.enum(['ru', 'en']);

/**
 * The file an export writes, and whether a file already there may be replaced: a save dialog asked
 * the user; a typed path doesn't, and is refused with FileExists.
 */
const OutputFile = { path: z.string().min(1).max(4096), replace: z.boolean().default(false) };

export const DatabaseExportRequest = z.object({ ...OutputFile, language: Language });
export type DatabaseExportRequest = z.input<typeof DatabaseExportRequest>;

export const SaveSkippedRequest = z.object({ sessionId: z.string(), ...OutputFile, language: Language });

export const ExportRequest = z.object({
  entity: ImportEntity,
  /** Picked records or a filter; null: every live record. */
  target: BulkTarget.nullable().default(null),
  /** Field keys in order; null: every field. */
  columns: z.array(z.string()).max(500).nullable().default(null),
  /** The list's sort, so the file lists the records as the screen did; null: in id order. */
  sort: SortOrder.nullable().default(null),
  format: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('xlsx') }),
    z.object({ kind: z.literal('csv'), encoding: z.enum(['utf-8', 'windows-1251']) }),
  ]),
  forEditing: z.boolean().default(false),
  ...OutputFile,
  language: Language,
});
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportRequestInput = z.input<typeof ExportRequest>;

export const ExportResult = z.object({
  rows: z.number().int().nonnegative(),
  path: z.string(),
  /** Characters the chosen encoding (Windows-1251) could not hold, written as "?". */
  unencodable: z.number().int().nonnegative().optional(),
});
