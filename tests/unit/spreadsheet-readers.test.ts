import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, detectEncoding, detectNewline } from '../../main/spreadsheets/encoding';
import { sniffKind } from '../../main/spreadsheets/sniff';
import {
  decodeQuotedPrintable,
  logicalLines,
  parseProperty,
  physicalLines,
  propertyText,
  splitValue,
} from '../../main/spreadsheets/vcard-source';
import { collect } from '../support/collect';

const RUSSIAN_CSV = 'Фамилия;Имя;Телефон\r\nИванов;Иван;+7 916 123-45-67\r\nПетрова;Анна;8 (495) 765-43-21\r\n';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

describe('detectEncoding', () => {
  it('reads BOMs', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;b', 'utf8')]))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(RUSSIAN_CSV, 'utf-16le', { addBOM: true }))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(RUSSIAN_CSV, 'utf-16be', { addBOM: true }))).toBe('utf-16be');
  });

  it('recognises UTF-16 without a BOM by where the zero bytes fall', () => {
    expect(detectEncoding(iconv.encode(RUSSIAN_CSV, 'utf-16le'))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(RUSSIAN_CSV, 'utf-16be'))).toBe('utf-16be');
  });

  it('tells UTF-8 from Windows-1251', () => {
    expect(detectEncoding(Buffer.from(RUSSIAN_CSV, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('plain;ascii\n1;2\n'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(RUSSIAN_CSV, 'win1251'))).toBe('windows-1251');
  });

  it('still says UTF-8 when the sample ends in the middle of a character', () => {
    const bytes = Buffer.from('Иванов;Пётр', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });

  it('decodes with the BOM stripped', () => {
    expect(decodeText(iconv.encode('Имя;Тел', 'utf-16le', { addBOM: true }), 'utf-16le')).toBe('Имя;Тел');
    expect(decodeText(Buffer.from('\uFEFFИмя', 'utf8'), 'utf-8')).toBe('Имя');
    expect(decodeText(iconv.encode('Ёлкин', 'win1251'), 'windows-1251')).toBe('Ёлкин');
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter that gives a steady column count', () => {
    expect(detectDelimiter(RUSSIAN_CSV)).toBe(';');
    expect(detectDelimiter('name,phone,email\nIvan,+7 916,ivan@example.com\nAnna,+7 495,anna@example.com\n')).toBe(',');
    expect(detectDelimiter('name\tphone\nIvan\t+7 916\nAnna\t+7 495\n')).toBe('\t');
    expect(detectDelimiter('name|phone\nIvan|+7 916\nAnna|+7 495\n')).toBe('|');
  });

  it('is not fooled by commas in unquoted text of a semicolon file', () => {
    const text = 'ФИО;Адрес\nИванов Иван;г. Москва, ул. Ленина, д. 5\nПетрова Анна;г. Тверь, пр. Мира, д. 1\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('ignores delimiters inside quoted fields, including across lines', () => {
    const text = [
      'Name,Note,Phone',
      '"Иванов; Иван","a;b;c;d",+7 916',
      '"Петрова, Анна","line one; still',
      'line two; more",+7 495',
      'Сидоров,"say ""hi"";",+7 812',
    ].join('\n');
    expect(detectDelimiter(text)).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('Иванов\nПетров\nСидоров\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('prefers the semicolon when both split equally well', () => {
    expect(detectDelimiter('a;b,c\nd;e,f\n')).toBe(';');
  });
});

describe('detectNewline', () => {
  it('finds the first line break outside quotes', () => {
    expect(detectNewline('a;b\r\nc;d', ';')).toBe('\r\n');
    expect(detectNewline('a;"x\ny"\r\nc;d', ';')).toBe('\r\n');
    expect(detectNewline('a;b\nc', ';')).toBe('\n');
    expect(detectNewline('a;b\rc', ';')).toBe('\r');
    expect(detectNewline('5" floppy;b\r\nc;d', ';')).toBe('\r\n');
    expect(detectNewline('single line', ';')).toBe('\n');
  });

  it('reads lines ending in \\r\\n and in \\n alike as \\n lines', () => {
    expect(detectNewline('a;b\r\nc;d\ne;f\n', ';')).toBe('\n');
    expect(detectNewline('a;b\r\nc;"x\ny"\r\ne;f', ';')).toBe('\r\n');
  });
});

describe('sniffKind', () => {
  it('goes by content before extension', () => {
    expect(sniffKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), '.csv')).toBe('zip');
    expect(sniffKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), '.xlsx')).toBe('ole2');
    expect(sniffKind(Buffer.from('\uFEFF\r\n  BEGIN:VCARD\r\nVERSION:3.0\r\n', 'utf8'), '.txt')).toBe('vcard');
    expect(sniffKind(iconv.encode('BEGIN:VCARD\r\n', 'utf-16le', { addBOM: true }), '.vcf')).toBe('vcard');
    expect(sniffKind(Buffer.from('a;b\n1;2\n'), '.xlsx')).toBe('text');
    expect(sniffKind(Buffer.from('<html><table><tr><td>1</td></tr></table></html>'), '.xls')).toBe('legacy-excel-text');
    expect(sniffKind(Buffer.from('%PDF-1.7\n'), '.csv')).toBe('binary');
    expect(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '.csv')).toBe(
      'binary',
    );
  });

  it('uses the extension for what content cannot say', () => {
    expect(sniffKind(Buffer.alloc(0), '.csv')).toBe('text');
    expect(sniffKind(Buffer.alloc(0), '.VCF')).toBe('vcard');
    expect(sniffKind(Buffer.alloc(0), '.xlsx')).toBe('binary');
    expect(sniffKind(Buffer.from('X-JUNK\r\nBEGIN:VCARD\r\n'), '.vcf')).toBe('vcard');
    expect(sniffKind(Buffer.from('X-JUNK\r\nBEGIN:VCARD\r\n'), '.txt')).toBe('text');
  });
});

describe('vCard pieces', () => {
  it('splits lines on any line break, also when \\r\\n straddles chunks', async () => {
    expect(await collect(physicalLines(from(['a\r', '\nb\rc\n', 'd'])))).toEqual(['a', 'b', 'c', 'd']);
    expect(await collect(physicalLines(from(['\xef\xbb\xbfBEGIN:VCARD\r\n'])))).toEqual(['BEGIN:VCARD']);
  });

  it('unfolds folded lines and quoted-printable soft breaks', async () => {
    const lines = [
      'NOTE:one',
      ' two',
      '\tthree',
      'N;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=',
      '=D0=B0=D0=BD;;;',
      'FN:x',
    ];
    expect(await collect(logicalLines(from(lines)))).toEqual([
      'NOTE:onetwothree',
      'N;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD;;;',
      'FN:x',
    ]);
  });

  it('parses names, groups and parameters of all three versions', () => {
    const v21 = parseProperty('TEL;CELL;VOICE:+7 916 000-00-00')!;
    expect(v21.name).toBe('TEL');
    expect(v21.params.get('TYPE')).toEqual(['CELL', 'VOICE']);
    const v30 = parseProperty('item1.EMAIL;type=INTERNET;type=work,pref:a@b.ru')!;
    expect(v30.name).toBe('EMAIL');
    expect(v30.params.get('TYPE')).toEqual(['INTERNET', 'WORK', 'PREF']);
    expect(v30.raw).toBe('a@b.ru');
    const v40 = parseProperty('TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-0100')!;
    expect(v40.params.get('TYPE')).toEqual(['VOICE', 'CELL']);
    expect(v40.raw).toBe('tel:+1-555-0100');
    const qp = parseProperty('NOTE;QUOTED-PRINTABLE;CHARSET=windows-1251:=CF=F0=E8')!;
    expect(qp.params.get('ENCODING')).toEqual(['QUOTED-PRINTABLE']);
    expect(propertyText(qp)).toBe('При');
    expect(propertyText(parseProperty(`FN:${Buffer.from('Пётр', 'utf8').toString('latin1')}`)!)).toBe('Пётр');
    expect(propertyText(parseProperty(`FN:${iconv.encode('Пётр', 'win1251').toString('latin1')}`)!)).toBe('Пётр');
    expect(parseProperty('no colon here')).toBeNull();
  });

  it('decodes quoted-printable bytes and splits escaped values', () => {
    expect(decodeQuotedPrintable('=D0=98=D0=B2a=3Db').toString('utf8')).toBe('Ивa=b');
    expect(splitValue('Иванов;Иван;Иванович;;', ';')).toEqual(['Иванов', 'Иван', 'Иванович', '', '']);
    expect(splitValue('ООО "Рога\\; копыта";Отдел', ';')).toEqual(['ООО "Рога; копыта"', 'Отдел']);
    expect(splitValue('Друзья,Работа\\, проекты', ',')).toEqual(['Друзья', 'Работа, проекты']);
    expect(splitValue('line\\nnext\\\\end', ';')).toEqual(['line\nnext\\end']);
  });
});
