import { describe, expect, it } from 'vitest';
import { sheetHeaders } from '../../shared/domain/sheet-headers';

describe('sheetHeaders', () => {
  it('fills the lower row of a two-row header from the cells merged down into it', () => {
    const rows = [
      ['ФИО', 'Контакты', '', 'Компания', 'Дата рождения'],
      ['', 'Телефон', 'E-mail'],
      ['Иванов Иван', '+7 916 123-45-67', 'a@b.ru', 'ООО', '01.02.1980'],
    ];
    expect(sheetHeaders(rows, 1)).toEqual(['ФИО', 'Телефон', 'E-mail', 'Компания', 'Дата рождения']);
  });

  it('takes nothing from a title above the header, nor from above the first row', () => {
    expect(sheetHeaders([['Клиенты на 01.01.2024'], ['', 'Имя', 'Телефон']], 1)).toEqual(['', 'Имя', 'Телефон']);
    expect(sheetHeaders([['Имя', '', 'Телефон']], 0)).toEqual(['Имя', '', 'Телефон']);
    // A line of text over a header with a blank column: no group row.
    expect(
      sheetHeaders(
        [
          ['', '', 'Организация:', 'ООО Ромашка'],
          ['№', 'Имя', '', ''],
        ],
        1,
      ),
    ).toEqual(['№', 'Имя', '', '']);
  });
});
