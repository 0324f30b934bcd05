/**
 * The sheet our own workbooks carry so a re-import needs no guessing: which field each column is,
 * and the custom fields to create when the target database lacks them.
 */
import type { z } from 'zod';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import type { ImportEntity } from '../../shared/domain/import-fields';
import { FileCustomField } from '../../shared/domain/imports';
import type { CellValue } from '../spreadsheets/cell';
import { removeFormulaGuard } from '../spreadsheets/formula-guard';

export const META_SHEET = '_kartoteka';

export function metaRows(
  sheets: Array<{ entity: ImportEntity; sheet: string; columns: string[] }>,
  definitions: Partial<Record<ImportEntity, CustomFieldDefinition[]>>,
  databaseId: string | null,
): CellValue[][] {
  return [
    // Which database the ids are of: matched by id only back into that one.
    ...(databaseId === null ? [] : [['database', databaseId, null, null, null, null]]),
    ...sheets.flatMap(({ entity, sheet, columns }) =>
      columns.map((key, index) => ['column', entity, sheet, String(index), key, null]),
    ),
    ...Object.entries(definitions).flatMap(([entity, list]) =>
      (list ?? []).map((definition) => [
        'field',
        entity,
        definition.key,
        definition.label,
        definition.type,
        JSON.stringify(definition.options),
      ]),
    ),
  ];
}

const FileField = FileCustomField;
type FileField = z.infer<typeof FileCustomField>;

export type WorkbookMeta = {
  sheets: Map<string, { entity: ImportEntity; columns: Map<number, string> }>;
  fields: FileField[];
  /** The database the workbook was exported from (workbooks before this was kept: null). */
  databaseId: string | null;
};

/** Reads the meta sheet's rows (header row first); unreadable rows are ignored. */
export function readMeta(rows: CellValue[][]): WorkbookMeta {
  const meta: WorkbookMeta = { sheets: new Map(), fields: [], databaseId: null };
  for (const row of rows.slice(1)) {
    // Written through the formula guard like every cell: a label «-Скидка» is «'-Скидка» here.
    const [kind, a, b, c, d, e] = row.map((cell) => (cell === null ? '' : removeFormulaGuard(String(cell))));
    if (kind === 'column' && (a === 'person' || a === 'company') && b) {
      const sheet = meta.sheets.get(b) ?? { entity: a, columns: new Map<number, string>() };
      sheet.columns.set(Number(c), d ?? '');
      meta.sheets.set(b, sheet);
    }
    if (kind === 'database' && a) meta.databaseId = a;
    if (kind === 'field') {
      const parsed = FileField.safeParse({ entity: a, key: b, label: c, type: d, options: safeJson(e) });
      if (parsed.success) meta.fields.push(parsed.data);
    }
  }
  return meta;
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
}
