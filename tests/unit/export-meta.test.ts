import { describe, expect, it } from 'vitest';
import { metaRows, readMeta } from '../../main/export/export-meta';
import { neutraliseXlsxText } from '../../main/spreadsheets/formula-guard';

describe('the workbook meta sheet', () => {
  it('reads back custom fields whose labels start like a formula, as the xlsx writer guards them', () => {
    const label = `-Скидка ${'%'.repeat(92)}`;
    const rows = metaRows(
      [{ entity: 'person', sheet: 'Люди', columns: ['lastName', 'custom.skidka'] }],
      {
        person: [
          { id: 1, entity: 'person', key: 'skidka', label, type: 'select', options: ['=5%', '+10'], position: 0 },
        ],
      },
      null,
    );
    // Every text cell goes through the writer's formula guard.
    const written = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseXlsxText(cell) : cell)));
    const meta = readMeta([['kind'], ...written]);
    expect(meta.fields).toEqual([{ entity: 'person', key: 'skidka', label, type: 'select', options: ['=5%', '+10'] }]);
    expect(meta.sheets.get('Люди')?.columns.get(1)).toBe('custom.skidka');
  });
});
