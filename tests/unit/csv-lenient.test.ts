import { describe, expect, it } from 'vitest';
import { lenientFields, lenientRecords } from '../../main/spreadsheets/csv-lenient';

describe('lenientFields', () => {
  it.each([
    ['a;b;c', ['a', 'b', 'c']],
    ['"a;1";b', ['a;1', 'b']],
    ['"ООО ""Вектор""";x', ['ООО "Вектор"', 'x']],
    ['"ООО "Ромашка"";x', ['ООО "Ромашка"', 'x']],
    ['"Ромашка" ООО;x', ['"Ромашка" ООО', 'x']],
    ['x;"Ромашка" ООО', ['x', '"Ромашка" ООО']],
    ['5" floppy;b', ['5" floppy', 'b']],
    ['a;;', ['a', '', '']],
    ['"";b', ['', 'b']],
    ['"open;b', ['"open', 'b']],
  ])('splits %j', (line, fields) => {
    expect(lenientFields(line, ';')).toEqual(fields);
  });

  it('takes delimiters of more than one character', () => {
    expect(lenientFields('"a"||b||"c"', '||')).toEqual(['a', 'b', 'c']);
  });
});

describe('lenientRecords', () => {
  it('holds back an unfinished last line unless it is the last chunk', () => {
    expect(lenientRecords('a;b\r\nc;d\r\ne;', ';', '\r\n', false)).toEqual({
      records: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      cursor: 10,
    });
    expect(lenientRecords('e;f', ';', '\r\n', true)).toEqual({ records: [['e', 'f']], cursor: 3 });
    expect(lenientRecords('no break yet', ';', '\n', false)).toEqual({ records: [], cursor: 0 });
  });
});
