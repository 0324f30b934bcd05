import { describe, expect, it } from 'vitest';
import { isDateFormat, readDateStyles } from '../../main/spreadsheets/date-styles';
import { SharedStrings } from '../../main/spreadsheets/shared-strings';
import { sheetXmlRows, type SheetContext } from '../../main/spreadsheets/sheet-xml';
import { collect } from '../support/collect';

/** A part's XML as chunks of `size` bytes: cut inside tags, entities and Cyrillic letters. */
async function* chunked(xml: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(xml, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const SHEET_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:sheetData>
    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
    <x:row r="3" spans="1:9">
      <x:c r="A3" t="inlineStr"><x:is><x:r><x:t>Рога </x:t></x:r><x:r><x:t xml:space="preserve">и копыта</x:t></x:r><x:rPh><x:t>ロ</x:t></x:rPh></x:is></x:c>
      <x:c r="B3"><x:v>3.5</x:v></x:c>
      <x:c r="C3" s="1"><x:v>45322</x:v></x:c>
      <x:c r="D3" t="b"><x:v>1</x:v></x:c>
      <x:c r="E3" t="b"><x:v>0</x:v></x:c>
      <x:c r="F3" t="e"><x:v>#DIV/0!</x:v></x:c>
      <x:c r="G3" t="str"><x:f>A1&amp;"!"</x:f><x:v>Иванов &amp; сын</x:v></x:c>
      <x:c r="H3"><x:f>B3*2</x:f><x:v>7</x:v></x:c>
      <x:c r="I3" s="1"><x:f>C3</x:f><x:v>45322.5</x:v></x:c>
    </x:row>
    <x:row r="4"><x:c r="A4" t="s"><x:v>2</x:v></x:c><x:c r="B4"><x:f>A9</x:f></x:c><x:c r="C4"><x:v></x:v></x:c><x:c r="D4" t="s"><x:v>99</x:v></x:c></x:row>
    <x:row><x:c t="d"><x:v>2024-01-31T10:30:00</x:v></x:c><x:c><x:v>-0.25</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[<b>]]></x:t></x:is></x:c></x:row>
    <x:row r="9"><x:c r="A9" t="s"><x:v>3</x:v></x:c></x:row>
  </x:sheetData>
  <x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>
</x:worksheet>`;

describe('worksheet XML', () => {
  const strings = new SharedStrings();
  for (const text of ['Имя', 'Дата', 'a_x000D_\nb_x005F_x0041_', '']) strings.add(text);
  const context: SheetContext = { strings, dateStyles: new Set([1]), date1904: false };

  it('turns cells into what Excel shows, whatever the chunk boundaries', async () => {
    const expected = [
      { index: 0, cells: ['Имя', null, 'Дата'] },
      {
        index: 2,
        cells: [
          'Рога и копыта',
          3.5,
          new Date(Date.UTC(2024, 0, 31)),
          true,
          false,
          null,
          'Иванов & сын',
          7,
          new Date(Date.UTC(2024, 0, 31, 12)),
        ],
      },
      // An empty <v/>, a formula never calculated and a missing shared string are nothing.
      { index: 3, cells: ['a\r\nb_x0041_'] },
      // Rows and cells without references follow the previous ones.
      { index: 4, cells: [new Date(Date.UTC(2024, 0, 31, 10, 30)), -0.25, '<b>'] },
    ];
    for (const size of [1, 7, 64, 1 << 20]) {
      const rows = await collect(sheetXmlRows(chunked(SHEET_XML, size), context));
      // A row whose only cell is empty text is left out, like any empty row.
      expect(rows, `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it('counts days from 1904 when the workbook says so', async () => {
    const xml = `<worksheet><sheetData><row r="2"><c r="B2" s="1"><v>${45322 - 1462}</v></c></row></sheetData></worksheet>`;
    const rows = await collect(sheetXmlRows(chunked(xml, 16), { ...context, date1904: true }));
    expect(rows).toEqual([{ index: 1, cells: [null, new Date(Date.UTC(2024, 0, 31))] }]);
  });

  it('keeps a number too large for a date in a date style, reads "date time" with a space as UTC', async () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>79161234567</v></c><c r="B1" t="d"><v>2024-01-31 10:30</v></c>' +
      '<c r="C1" t="b"><v></v></c><c r="D1" t="b"><v>true</v></c></row></sheetData></worksheet>';
    const rows = await collect(sheetXmlRows(chunked(xml, 9), context));
    expect(rows).toEqual([{ index: 0, cells: [79161234567, new Date(Date.UTC(2024, 0, 31, 10, 30)), null, true] }]);
  });

  it('rejects a cell past the last column (XFD) as an unreadable file, without padding the row', async () => {
    const last = '<worksheet><sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData></worksheet>';
    const [row] = await collect(sheetXmlRows(chunked(last, 64), context));
    expect(row?.cells.length).toBe(16_384);
    const past = '<worksheet><sheetData><row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>';
    await expect(collect(sheetXmlRows(chunked(past, 64), context))).rejects.toMatchObject({
      code: 'InvalidInput',
      details: { reason: 'unreadable' },
    });
  });

  it('rejects malformed XML as an unreadable file', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>';
    await expect(collect(sheetXmlRows(chunked(xml, 8), context))).rejects.toMatchObject({
      code: 'InvalidInput',
      details: { reason: 'unreadable' },
    });
  });
});

describe('date styles', () => {
  it('finds the cell styles whose number format shows a date or a time', async () => {
    const xml = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <numFmts count="4">
        <numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>
        <numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;₽&quot;"/>
        <numFmt numFmtId="166" formatCode="[Red]0;&quot;day&quot;"/>
        <numFmt numFmtId="14" formatCode="0.00"/>
      </numFmts>
      <cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>
      <cellXfs count="7">
        <xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>
        <xf numFmtId="14"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="46"/>
      </cellXfs>
    </styleSheet>`;
    // The built-in 14 is redefined as a plain number here; cellStyleXfs are not cell styles.
    expect([...(await readDateStyles(chunked(xml, 5)))].sort()).toEqual([1, 5, 6]);
  });

  it('reads a format as Excel does: tokens outside quotes and brackets', () => {
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('[$-419]mmmm yyyy')).toBe(true);
    expect(isDateFormat('#,##0 "руб."')).toBe(false);
    expect(isDateFormat('[Red]0.00')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    // Escaped, padding and fill characters are shown as they are, not read as tokens.
    expect(isDateFormat('0.0\\ \\h')).toBe(false);
    expect(isDateFormat('#,##0_m;-#,##0_m')).toBe(false);
    expect(isDateFormat('*s0.00')).toBe(false);
    expect(isDateFormat('"\\"dd.mm.yyyy')).toBe(true);
  });
});
