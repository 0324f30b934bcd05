import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { z } from 'zod';
import {
  ColumnMapping,
  DateOrder,
  ImportMode,
  ImportSetup,
  type ImportFile,
  type ImportSetupInput,
  type SheetSetupInput,
} from '../../../shared/domain/imports';
import { sheetHeaders } from '../../../shared/domain/sheet-headers';
import type { AppDb } from '../../db/kysely';
import { fileError } from '../../spreadsheets/sniff';
import { problemLabel, skipCauses } from '../../import/problem-labels';
import { ImportSessions, suggestedSetup, unknownTargets } from '../../services/import-service';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { alignRows } from '../output';
import { readPassphrase } from '../passphrase';

/** The mapping file's JSON, checked: a wrong file is named with what is wrong in it, not a crash. */
async function readMappingFile(file: string): Promise<Partial<ImportSetupInput> & { columns?: ColumnMapping[] }> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw fileError(error, file);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('InvalidInput', `The mapping file is not JSON: ${(error as Error).message}`, { file });
  }
  const checked = MappingFile.safeParse(json);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new AppError('InvalidInput', `The mapping file ${file} is not a mapping: ${issues.join('; ')}`, { file });
  }
  return json as Partial<ImportSetupInput> & { columns?: ColumnMapping[] };
}

/** A whole setup's sheets and options, or one sheet's columns. */
const MappingFile = z.union([
  ImportSetup.partial().required({ sheets: true }),
  z.object({ columns: z.array(ColumnMapping).min(1) }),
]);

/** A mapping file's fields must exist: the import would leave a mistyped one out and skip the rows it named. */
async function assertKnownTargets(db: AppDb, setup: ImportSetupInput, preview: ImportFile): Promise<void> {
  const unknown = await unknownTargets(db, setup);
  if (unknown.length === 0) return;
  const named = unknown.map(({ sheet, column, targets }) => {
    const rows = preview.sheets.find((item) => item.name === sheet)?.rows ?? [];
    const headerRow = setup.sheets.find((item) => item.sheet === sheet)?.headerRow ?? 0;
    const header = sheetHeaders(rows, headerRow)[column];
    const where = `column ${column}${header ? ` ("${header}")` : ''} of sheet "${sheet}"`;
    return `${targets.map((target) => `"${target}"`).join(', ')} in ${where}`;
  });
  throw new AppError(
    'InvalidInput',
    `The mapping file names fields that don't exist: ${named.join('; ')} (the field keys are in shared/domain/import-fields.ts)`,
    { unknownTargets: unknown },
  );
}

/** A mapping file is an import setup (sheets, options...) or one sheet's `columns`. */
async function mappingSetup(file: string, suggested: SheetSetupInput[]): Promise<Partial<ImportSetupInput>> {
  const json = await readMappingFile(file);
  if (json.sheets) return json;
  if (json.columns) {
    // The file says which fields; how the file's dates and numbers read is still what the values showed,
    // and a column mapped as suggested keeps where its kinds come from (Google's label columns).
    const withReadings = (sheet: SheetSetupInput) =>
      json.columns!.map((column) => {
        const own = sheet.columns.find((item) => item.index === column.index);
        const asSuggested = own !== undefined && (own.targets ?? []).join() === (column.targets ?? []).join();
        return {
          ...column,
          dateOrder: column.dateOrder ?? own?.dateOrder ?? null,
          decimalSeparator: column.decimalSeparator ?? own?.decimalSeparator ?? null,
          labelColumn: column.labelColumn ?? (asSuggested ? own.labelColumn : null) ?? null,
          addressLabel: column.addressLabel ?? (asSuggested ? own.addressLabel : null) ?? null,
        };
      });
    return { sheets: suggested.map((sheet) => ({ ...sheet, columns: withReadings(sheet) })) };
  }
  throw new AppError('InvalidInput', 'The mapping file has neither "sheets" nor "columns"', { file });
}

/**
 * Columns whose text dates read both ways (01/02/1990): the wizard asks; the command reads them as
 * `--date-order` says, day first without it, and says which columns it read so.
 */
function ambiguousDateColumns(
  preview: ImportFile,
  setup: ImportSetupInput,
): Array<{ sheet: string; header: string; index: number; order: DateOrder }> {
  return setup.sheets.flatMap((sheet) => {
    const suggested = preview.sheets.find((item) => item.name === sheet.sheet)?.columns ?? [];
    return sheet.columns.flatMap((column) => {
      const own = suggested.find((item) => item.index === column.index);
      // A mapping file that says how the column's dates read (other than the guess) has answered already.
      const unanswered = (column.dateOrder ?? null) === null || column.dateOrder === own?.dateOrder;
      return own?.ambiguousDates && (column.targets ?? []).length > 0 && unanswered
        ? [{ sheet: sheet.sheet, header: own.header, index: column.index, order: own.dateOrder ?? 'dmy' }]
        : [];
    });
  });
}

/** Gives each such column `order`, or without it the order it was guessed in (day first). */
function withDateOrder(
  setup: ImportSetupInput,
  columns: ReturnType<typeof ambiguousDateColumns>,
  order: DateOrder | undefined,
): ImportSetupInput {
  const ambiguous = (sheet: string, index: number) =>
    columns.find((item) => item.sheet === sheet && item.index === index);
  return {
    ...setup,
    sheets: setup.sheets.map((sheet) => ({
      ...sheet,
      columns: sheet.columns.map((column) => {
        const found = ambiguous(sheet.sheet, column.index);
        return found ? { ...column, dateOrder: order ?? found.order } : column;
      }),
    })),
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import people and companies from .xlsx, .csv or .vcf (all-or-nothing; --dry-run writes nothing)',
  usage:
    '--db FILE INPUT [--sheet NAME] [--mapping FILE.json|auto] [--mode create|update|upsert] [--date-order dmy|mdy] [--country RU] [--skip-hidden-rows] [--dry-run]',
  options: {
    ...dbOption,
    sheet: { type: 'string' },
    mapping: { type: 'string' },
    mode: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-hidden-rows': { type: 'boolean' },
    country: { type: 'string' },
    'date-order': { type: 'string' },
  },
  positionals: 'INPUT',
  async run(args) {
    const file = args.path('db');
    const [input, ...more] = args.positionals;
    if (!input) throw new AppError('InvalidInput', 'Give the file to import, e.g. import --db FILE clients.xlsx');
    if (more.length > 0) throw new AppError('InvalidInput', 'Import one file at a time');
    const inputPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), input);
    const modeText = args.string('mode');
    const parsedMode = ImportMode.optional().safeParse(modeText);
    if (!parsedMode.success) throw new AppError('InvalidInput', '--mode must be create, update or upsert');
    // --mode wins; without it, the mapping file's mode; without that, upsert.
    const modeFlag = parsedMode.data;
    const dateOrderText = args.string('date-order');
    const parsedDateOrder = DateOrder.exclude(['ymd']).optional().safeParse(dateOrderText);
    if (!parsedDateOrder.success) throw new AppError('InvalidInput', '--date-order must be dmy or mdy');
    const dryRun = args.flag('dry-run');
    const mapping = args.string('mapping') ?? 'auto';
    const env = { now: () => new Date(), defaultCountry: args.country('country') };
    const passphrase = await readPassphrase();
    return withDatabase(file, passphrase, async (database) => {
      const sessions = new ImportSessions();
      const started = performance.now();
      const preview = await sessions.open(database.db, { path: inputPath });
      const suggested = suggestedSetup(preview, args.string('sheet'));
      const fromFile =
        mapping === 'auto'
          ? {}
          : await mappingSetup(path.resolve(process.env.INIT_CWD ?? process.cwd(), mapping), suggested.sheets);
      // A command-line migration creates the owners the file names.
      const sheets = fromFile.sheets ?? suggested.sheets;
      const mapped: ImportSetupInput = {
        ...suggested,
        ...fromFile,
        // Rows Excel hides (a filter, or by hand) come in unless asked otherwise, as in the wizard.
        sheets: args.flag('skip-hidden-rows') ? sheets.map((sheet) => ({ ...sheet, skipHiddenRows: true })) : sheets,
        options: {
          ...suggested.options,
          createMissingOwners: true,
          ...fromFile.options,
          mode: modeFlag ?? fromFile.options?.mode ?? 'upsert',
        },
      };
      const ambiguousDates = ambiguousDateColumns(preview, mapped);
      const dateOrder = parsedDateOrder.data;
      const setup = withDateOrder(mapped, ambiguousDates, dateOrder);
      const warnings =
        dateOrder === undefined
          ? ambiguousDates.map(
              ({ sheet, header }) =>
                `Column "${header}" of sheet "${sheet}": its dates read both ways (01/02/1990), read day first; give --date-order mdy if the file writes the month first`,
            )
          : [];
      if (mapping !== 'auto') await assertKnownTargets(database.db, setup, preview);
      const progress = (report: { done: number }) => {
        if (!process.argv.includes('--json')) process.stderr.write(`\r${report.done} rows…`);
      };
      const dry = await sessions.dryRun(database.db, preview.sessionId, setup, env, progress);
      const summary = dryRun
        ? dry.summary
        : (await sessions.run(database.db, preview.sessionId, setup, env, progress)).summary;
      if (!process.argv.includes('--json')) process.stderr.write('\n');
      // The JSON lists the first rows skipped (the count is whole): the skipped-rows workbook has them all.
      const page = sessions.rows(preview.sessionId, 'skipped', 0, 500);
      const skipped = page.rows.map((row) => ({
        sheet: row.sheet,
        row: row.row + 1,
        reasons: skipCauses(row.problems).map((problem) => problemLabel(problem, page.headers[row.sheet] ?? [], 'en')),
      }));
      const created = summary.people.create + summary.companies.create + summary.linkedCompaniesCreated;
      const updated = summary.people.update + summary.companies.update + summary.people.merge + summary.companies.merge;
      const skippedCount = summary.people.skip + summary.companies.skip;
      const elapsedMs = Math.round(performance.now() - started);
      return {
        data: {
          dryRun,
          created,
          updated,
          skipped: skippedCount,
          skippedRows: skipped,
          warnings,
          summary,
          importMs: elapsedMs,
        },
        lines: [
          ...warnings.map((warning) => `Warning: ${warning}`),
          `${dryRun ? 'Dry run: would create' : 'Created'} ${created}, ${dryRun ? 'update' : 'updated'} ${updated}, skipped ${skippedCount} of ${summary.rows} rows in ${elapsedMs} ms`,
          ...alignRows(
            Object.entries(summary.skippedByReason).map(([reason, count]) => [`  ${reason}:`, String(count)]),
            '',
          ),
          ...skipped.slice(0, 20).map((row) => `  ${row.sheet} row ${row.row}: ${row.reasons.join('; ')}`),
        ],
      };
    });
  },
};
