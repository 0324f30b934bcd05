import type {
  CellFix,
  ColumnMapping,
  DryRunResult,
  ImportFile,
  ImportOptions,
  ImportReport,
  ImportSetup,
  SheetPreview,
  SheetSetup,
  SuggestColumnsResult,
} from '../../../shared/domain/imports';
import { ownWorkbookOptions } from '../../../shared/domain/imports';

export const STEPS = ['file', 'sheets', 'options', 'dryRun', 'run'] as const;
export type StepIndex = 0 | 1 | 2 | 3 | 4;

export type WizardState = {
  step: StepIndex;
  /** The path the file was opened from: CSV overrides reopen it. */
  path: string;
  file: ImportFile | null;
  setup: ImportSetup | null;
  /** The last dry run; kept on screen while a changed setup is checked again. */
  dryRun: DryRunResult | null;
  /** The setup changed since the last dry run (or none ran yet). */
  dryRunStale: boolean;
  /** Bumped by every finished dry run, so the rows grid refetches. */
  dryRunVersion: number;
  report: ImportReport | null;
  /** An import is writing: the steps before it and «start over» wait, or the same file could go in twice. */
  running: boolean;
};

export type WizardAction =
  | { type: 'opened'; file: ImportFile; path: string }
  | { type: 'goTo'; step: StepIndex }
  | { type: 'sheet'; sheet: string; patch: Partial<Omit<SheetSetup, 'sheet' | 'columns'>> }
  | { type: 'column'; sheet: string; index: number; patch: Partial<Omit<ColumnMapping, 'index'>> }
  | { type: 'suggested'; sheet: string; result: SuggestColumnsResult }
  | { type: 'options'; patch: Partial<ImportOptions> }
  | { type: 'valueMapping'; field: string; key: string; value: string | null }
  | { type: 'fix'; fix: CellFix }
  | { type: 'skipRow'; sheet: string; row: number; skipped: boolean }
  | { type: 'dryRunDone'; result: DryRunResult }
  | { type: 'runStarted' }
  | { type: 'runFailed' }
  | { type: 'reportDone'; report: ImportReport }
  | { type: 'reset' };

export const initialWizardState: WizardState = {
  step: 0,
  path: '',
  file: null,
  setup: null,
  dryRun: null,
  dryRunStale: true,
  dryRunVersion: 0,
  report: null,
  running: false,
};

export const defaultOptions: ImportOptions = {
  mode: 'upsert',
  matchKeys: ['id', 'email', 'phone'],
  overwriteWithEmpty: false,
  replaceLists: false,
  idScope: 'database',
  inFileDuplicates: 'merge',
  createMissingCompanies: true,
  createMissingOwners: false,
};

/** How many columns a sheet has: the widest preview row. */
export function sheetWidth(rows: readonly string[][]): number {
  return rows.reduce((width, row) => Math.max(width, row.length), 0);
}

/** Every column of a sheet, mapped as suggested. */
function suggestedColumns(rows: readonly string[][], columns: SheetPreview['columns']): ColumnMapping[] {
  const suggested = new Map(columns.map((column) => [column.index, column]));
  const width = Math.max(sheetWidth(rows), ...columns.map((column) => column.index + 1));
  return Array.from({ length: width }, (_, index) => ({
    index,
    targets: suggested.get(index)?.targets ?? [],
    dateOrder: suggested.get(index)?.dateOrder ?? null,
    decimalSeparator: suggested.get(index)?.decimalSeparator ?? null,
    labelColumn: suggested.get(index)?.labelColumn ?? null,
    addressLabel: suggested.get(index)?.addressLabel ?? null,
    newField: null,
  }));
}

/** The setup that accepts every suggestion of the opened file. */
export function setupFromFile(file: ImportFile): ImportSetup {
  return {
    sheets: file.sheets.map((sheet) => ({
      sheet: sheet.name,
      entity: sheet.entity,
      headerRow: sheet.headerRow,
      skipRows: [],
      skipHiddenRows: false,
      columns: suggestedColumns(sheet.rows, sheet.columns),
    })),
    options: file.ownWorkbook ? { ...defaultOptions, ...ownWorkbookOptions(file) } : defaultOptions,
    valueMappings: [],
    fixes: [],
    skippedRows: [],
    createFields: file.createFields,
  };
}

function mapSheet(setup: ImportSetup, name: string, change: (sheet: SheetSetup) => SheetSetup): ImportSetup {
  return { ...setup, sheets: setup.sheets.map((sheet) => (sheet.sheet === name ? change(sheet) : sheet)) };
}

function changeSetup(setup: ImportSetup, action: WizardAction): ImportSetup {
  switch (action.type) {
    case 'sheet':
      return mapSheet(setup, action.sheet, (sheet) => ({ ...sheet, ...action.patch }));
    case 'column':
      return mapSheet(setup, action.sheet, (sheet) => ({
        ...sheet,
        columns: sheet.columns.map((column) =>
          column.index === action.index ? { ...column, ...action.patch } : column,
        ),
      }));
    case 'options':
      return { ...setup, options: { ...setup.options, ...action.patch } };
    case 'valueMapping': {
      const existing = setup.valueMappings.find((mapping) => mapping.field === action.field);
      const values = { ...existing?.values, [action.key]: action.value };
      return {
        ...setup,
        valueMappings: [
          ...setup.valueMappings.filter((mapping) => mapping.field !== action.field),
          { field: action.field, values },
        ],
      };
    }
    case 'fix': {
      const { sheet, row, column } = action.fix;
      const others = setup.fixes.filter((fix) => !(fix.sheet === sheet && fix.row === row && fix.column === column));
      return { ...setup, fixes: [...others, action.fix] };
    }
    case 'skipRow': {
      const others = setup.skippedRows.filter((ref) => !(ref.sheet === action.sheet && ref.row === action.row));
      return {
        ...setup,
        skippedRows: action.skipped ? [...others, { sheet: action.sheet, row: action.row }] : others,
      };
    }
    default:
      return setup;
  }
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (state.running && action.type !== 'reportDone' && action.type !== 'runFailed') return state;
  switch (action.type) {
    case 'opened':
      return {
        ...initialWizardState,
        path: action.path,
        file: action.file,
        setup: setupFromFile(action.file),
        step: 1,
      };
    case 'goTo':
      return { ...state, step: action.step };
    case 'dryRunDone':
      return { ...state, dryRun: action.result, dryRunStale: false, dryRunVersion: state.dryRunVersion + 1 };
    case 'runStarted':
      return { ...state, running: true };
    case 'runFailed':
      return { ...state, running: false };
    case 'reportDone':
      return { ...state, report: action.report, running: false };
    case 'reset':
      return initialWizardState;
    case 'suggested': {
      const { file, setup } = state;
      const { sheet: name, result } = action;
      const current = setup?.sheets.find((sheet) => sheet.sheet === name);
      const preview = file?.sheets.find((sheet) => sheet.name === name);
      // An answer for a header row or record type the user has already moved away from is dropped.
      if (!file || !setup || !current || !preview || current.headerRow !== result.headerRow) return state;
      // (A matching template may bring another record type; plain suggestions are for the type asked.)
      if (current.entity === null || (result.template === null && result.entity !== current.entity)) return state;
      return {
        ...state,
        file: {
          ...file,
          sheets: file.sheets.map((sheet) =>
            sheet.name === name ? { ...sheet, columns: result.columns, template: result.template } : sheet,
          ),
        },
        setup: mapSheet(setup, name, (sheet) => ({
          ...sheet,
          // An imported sheet takes a matching template's record type.
          entity: result.entity,
          columns: suggestedColumns(preview.rows, result.columns),
        })),
        dryRunStale: true,
      };
    }
    default:
      if (!state.setup) return state;
      // Any change to the setup makes the last dry run stale.
      return { ...state, setup: changeSetup(state.setup, action), dryRunStale: true };
  }
}

/** Columns of a sheet that feed something. */
export function mappedColumns(sheet: SheetSetup): number[] {
  return sheet.columns
    .filter((column) => column.targets.length > 0 || column.newField !== null)
    .map((column) => column.index);
}

/** Can the wizard go on past the mapping step: some sheet is imported and maps a column. */
export function setupReady(setup: ImportSetup | null): boolean {
  return !!setup && setup.sheets.some((sheet) => sheet.entity !== null && mappedColumns(sheet).length > 0);
}
