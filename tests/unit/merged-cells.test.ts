import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../main/spreadsheets/cell';
import { readVerticalMerges, withMergedCells } from '../../main/spreadsheets/merged-cells';

async function* chunksOf(...texts: string[]) {
  for (const text of texts) yield Buffer.from(text, 'utf8');
}

async function* rowsOf(rows: SheetRow[]) {
  yield* rows;
}

describe('readVerticalMerges', () => {
  it('finds the merges spanning rows, a tag cut between chunks too; merges across columns only are left out', async () => {
    const merges = await readVerticalMerges(
      chunksOf(
        '<sheetData/><mergeCells count="3"><mergeCell ref="A2:A',
        '4"/><mergeCell ref="B1:C1"/>',
        '<x:mergeCell ref="AA10:AB12"/></mergeCells>',
      ),
    );
    expect(merges).toEqual([
      { column: 0, firstRow: 1, lastRow: 3 },
      { column: 26, firstRow: 9, lastRow: 11 },
    ]);
  });
});

describe('withMergedCells', () => {
  it('gives each row below a merge’s top the top cell’s value; rows past it and empty tops get nothing', async () => {
    const rows: SheetRow[] = [
      { index: 0, cells: ['Компания', 'ФИО'] },
      { index: 1, cells: ['Ромашка', 'Иванов'] },
      { index: 2, cells: [null, 'Петров'] },
      { index: 4, cells: [null, 'Сидоров'] },
      { index: 5, cells: [null, 'Козлов'] },
      { index: 6, cells: [null, 'Орлов'] },
    ];
    const merges = [
      { column: 0, firstRow: 1, lastRow: 4 },
      { column: 0, firstRow: 5, lastRow: 6 },
    ];
    const merged: Array<SheetRow['merged']> = [];
    for await (const row of withMergedCells(rowsOf(rows), merges)) merged.push(row.merged);
    expect(merged).toEqual([
      undefined,
      undefined,
      [{ column: 0, fromRow: 1, value: 'Ромашка' }],
      [{ column: 0, fromRow: 1, value: 'Ромашка' }],
      undefined,
      undefined,
    ]);
  });
});
