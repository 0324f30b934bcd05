import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../main/spreadsheets/cell';
import type { ImportEntity } from '../../shared/domain/import-fields';
import {
  autoMap,
  headerSignature,
  templateSignatures,
  labelColumnFor,
  profileColumn,
  type AutoMapInput,
} from '../../main/import/mapping/auto-map';
import { addressLabelFromText, emailLabelFromText, phoneLabelFromText } from '../../main/import/values/contact-labels';
import { detectHeaderRow } from '../../main/import/mapping/header-row';
import { headerMeaning } from '../../main/import/mapping/header-synonyms';
import { fieldLabel } from '../../main/export/field-labels';
import { importFieldsOf } from '../../shared/domain/import-fields';
import { normaliseHeader } from '../../main/import/mapping/header-text';

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** The mapping as header → targets ("-" for none), the way a reviewer reads it. */
function mapping(
  entity: ImportEntity,
  headers: string[],
  samples: CellValue[][] = [],
  customFields: AutoMapInput['customFields'] = [],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const column of autoMap({ entity, headers, samples, customFields })) {
    result[`${column.index}: ${column.header}`] = column.targets.join(',') || '-';
  }
  return result;
}

/** Expected mapping from [header, target] pairs, in column order. */
const expected = (pairs: Array<[string, string]>) =>
  Object.fromEntries(pairs.map(([header, target], index) => [`${index}: ${header}`, target]));

const headersOf = (pairs: Array<[string, string]>) => pairs.map(([header]) => header);

describe('normaliseHeader', () => {
  const cases: Array<[string, string]> = [
    ['Ф.И.О.', 'фио'],
    ['Ф. И. О.', 'фио'],
    ['ФИО', 'фио'],
    ['E-mail', 'email'],
    ['Е-mail', 'email'],
    ['Tелефон', 'телефон'],
    ['VIP-клиент', 'vipклиент'],
    ['Эл. почта', 'эл почта'],
    ['Эл.почта', 'эл почта'],
    ['Регион/Область', 'регион область'],
    ['  Дата\nрождения ', 'дата рождения'],
    ['Телефон*', 'телефон'],
    ['Phone 1 - Value', 'phone 1 value'],
    ['Business Country/Region', 'business country region'],
    ['Веб-страница', 'вебстраница'],
    ['Ёлка', 'елка'],
    ['Д.р.', 'др'],
    ['№', ''],
  ];
  it.each(cases)('%j → %j', (header, key) => {
    expect(normaliseHeader(header)).toBe(key);
  });
});

describe('headerMeaning', () => {
  it('reads every header our exports write, in either language, as its own field', () => {
    // (Numbered addresses, «Город 2», are placed by autoMap: see "our CSV export's numbered address columns".)
    for (const entity of ['person', 'company'] as const) {
      for (const { key } of importFieldsOf[entity].filter((field) => !/^address\d/.test(field.key))) {
        for (const language of ['ru', 'en'] as const) {
          const header = fieldLabel(key, language);
          expect(headerMeaning(entity, header)?.target, `${entity}: ${header}`).toBe(key);
        }
      }
    }
  });

  const person: Array<[string, string | null]> = [
    ['ФИО', 'fullName'],
    ['Ф.И.О.', 'fullName'],
    ['Клиент', 'fullName'],
    ['Контактное лицо', 'fullName'],
    ['Full name', 'fullName'],
    ['Name', 'fullName'],
    ['Имя', 'firstName'],
    ['Фамилия', 'lastName'],
    ['Surname', 'lastName'],
    ['Отчество', 'middleName'],
    ['Телефон', 'phone.mobile'],
    ['Тел.', 'phone.mobile'],
    ['Моб.', 'phone.mobile'],
    ['Мобильный', 'phone.mobile'],
    ['Сотовый', 'phone.mobile'],
    ['Cell', 'phone.mobile'],
    ['Рабочий телефон', 'phone.work'],
    ['Work phone', 'phone.work'],
    ['Домашний телефон', 'phone.home'],
    ['Факс', 'phone.fax'],
    ['Телефон 2', 'phone.mobile'],
    ['Тел. моб.', 'phone.mobile'],
    ['Телефон (рабочий)', 'phone.work'],
    ['Моб. телефон клиента', 'phone.mobile'],
    ['E-mail', 'email.work'],
    ['Email', 'email.work'],
    ['Эл. почта', 'email.work'],
    ['Почта', 'email.work'],
    ['Электронная почта', 'email.work'],
    ['Личный e-mail', 'email.personal'],
    ['Организация', 'company'],
    ['Компания', 'company'],
    ['Фирма', 'company'],
    ['Название компании', 'company'],
    ['Должность', 'position'],
    ['Job title', 'position'],
    ['Город', 'address.city'],
    ['Адрес', 'address.street'],
    ['Индекс', 'address.postalCode'],
    ['ZIP', 'address.postalCode'],
    ['Postal code', 'address.postalCode'],
    ['Страна', 'address.country'],
    ['Регион/Область', 'address.region'],
    ['Дата рождения', 'birthday'],
    ['ДР', 'birthday'],
    ['День рождения', 'birthday'],
    ['DOB', 'birthday'],
    ['Date of birth', 'birthday'],
    ['Дата рождения (дд.мм.гггг)', 'birthday'],
    // A remark naming a phone, an e-mail or its kind says more than the words before it.
    ['Контакт (телефон)', 'phone.mobile'],
    ['E-mail (личный)', 'email.personal'],
    ['Компания (ИНН)', 'company'],
    ['Клиент (ФИО)', 'fullName'],
    ['Комментарий', 'notes'],
    ['Примечание', 'notes'],
    ['Заметки', 'notes'],
    ['Ответственный', 'owner'],
    ['Менеджер', 'owner'],
    ['Owner', 'owner'],
    ['Источник', 'source'],
    ['Lead source', 'source'],
    ['Теги', 'tags'],
    ['Метки', 'tags'],
    ['Категории', 'tags'],
    ['Группа', 'tags'],
    ['Сайт', 'website'],
    ['Website', 'website'],
    ['Kartoteka ID', 'id'],
    ['ID в Картотеке', 'id'],
    // Another system's numbers: never matched against this base's records.
    ['ID', null],
    ['Идентификатор', null],
    ['CompanyID', null],
    ['phone.work', 'phone.work'],
    ['fullName', 'fullName'],
    ['ИНН', null],
    ['Title', null],
    ['Phone 1 - Label', null],
  ];
  it.each(person)('person: %j → %s', (header, target) => {
    expect(headerMeaning('person', header)?.target).toBe(target);
  });

  const company: Array<[string, string | null]> = [
    ['Название', 'name'],
    ['Компания', 'name'],
    ['Name', 'name'],
    ['Company', 'name'],
    ['Организация', 'name'],
    ['Юр. название', 'legalName'],
    ['Полное наименование', 'legalName'],
    ['Legal name', 'legalName'],
    ['Отрасль', 'industry'],
    ['Industry', 'industry'],
    ['Телефон', 'phone.work'],
    ['Мобильный', 'phone.mobile'],
    ['E-mail', 'email.work'],
    ['ИНН', null],
  ];
  it.each(company)('company: %j → %s', (header, target) => {
    expect(headerMeaning('company', header)?.target).toBe(target);
  });

  it.each(['Статус', 'Бюджет', 'Telegram', 'Телеграм', '', '№'])('does not know %j', (header) => {
    expect(headerMeaning('person', header)).toBeUndefined();
  });
});

describe('autoMap: contact exports', () => {
  it('maps the new Google Contacts export', () => {
    const pairs: Array<[string, string]> = [
      ['First Name', 'firstName'],
      ['Middle Name', 'middleName'],
      ['Last Name', 'lastName'],
      ['Phonetic First Name', '-'],
      ['Name Prefix', '-'],
      ['Nickname', '-'],
      ['File As', 'displayName'],
      ['Organization Name', 'company'],
      ['Organization Title', 'position'],
      ['Organization Department', '-'],
      ['Birthday', 'birthday'],
      ['Notes', 'notes'],
      ['Photo', '-'],
      ['Labels', 'tags'],
      ['E-mail 1 - Label', '-'],
      ['E-mail 1 - Value', 'email.work'],
      ['E-mail 2 - Label', '-'],
      ['E-mail 2 - Value', 'email.work'],
      ['Phone 1 - Label', '-'],
      ['Phone 1 - Value', 'phone.mobile'],
      ['Phone 2 - Label', '-'],
      ['Phone 2 - Value', 'phone.mobile'],
      ['Address 1 - Label', 'address.label'],
      ['Address 1 - Formatted', 'address.street'],
      ['Address 1 - City', 'address.city'],
      ['Address 1 - PO Box', '-'],
      ['Address 1 - Region', 'address.region'],
      ['Address 1 - Postal Code', 'address.postalCode'],
      ['Address 1 - Country', 'address.country'],
      ['Address 2 - Label', 'address2.label'],
      ['Address 2 - Formatted', 'address2.street'],
      ['Address 2 - City', 'address2.city'],
      ['Address 2 - Country', 'address2.country'],
      ['Website 1 - Label', '-'],
      ['Website 1 - Value', 'website'],
      ['Relation 1 - Value', '-'],
      ['Event 1 - Value', '-'],
    ];
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
  });

  it('maps the old Google Contacts export, where "Name" names a card without parts and Formatted gives way to Street', () => {
    const pairs: Array<[string, string]> = [
      ['Name', 'fullName'],
      ['Given Name', 'firstName'],
      ['Additional Name', 'middleName'],
      ['Family Name', 'lastName'],
      ['Yomi Name', '-'],
      ['Initials', '-'],
      ['Birthday', 'birthday'],
      ['Gender', '-'],
      ['Occupation', 'position'],
      ['Notes', 'notes'],
      ['Group Membership', 'tags'],
      ['E-mail 1 - Type', '-'],
      ['E-mail 1 - Value', 'email.work'],
      ['Phone 1 - Type', '-'],
      ['Phone 1 - Value', 'phone.mobile'],
      ['Phone 2 - Type', '-'],
      ['Phone 2 - Value', 'phone.mobile'],
      ['Address 1 - Type', 'address.label'],
      ['Address 1 - Formatted', '-'],
      ['Address 1 - Street', 'address.street'],
      ['Address 1 - City', 'address.city'],
      ['Address 1 - Region', 'address.region'],
      ['Address 1 - Postal Code', 'address.postalCode'],
      ['Address 1 - Country', 'address.country'],
      ['Address 1 - Extended Address', '-'],
      ['Organization 1 - Type', '-'],
      ['Organization 1 - Name', 'company'],
      ['Organization 1 - Title', '-'],
      ['Organization 1 - Department', '-'],
      ['Website 1 - Type', '-'],
      ['Website 1 - Value', 'website'],
    ];
    // "Occupation" came first, so "Organization 1 - Title" finds the position taken.
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
  });

  it('maps the English Outlook export, the business, home and other addresses as three', () => {
    const pairs: Array<[string, string]> = [
      ['Title', '-'],
      ['First Name', 'firstName'],
      ['Middle Name', 'middleName'],
      ['Last Name', 'lastName'],
      ['Suffix', '-'],
      ['Company', 'company'],
      ['Department', '-'],
      ['Job Title', 'position'],
      ['Business Street', 'address.street'],
      ['Business Street 2', '-'],
      ['Business Street 3', '-'],
      ['Business City', 'address.city'],
      ['Business State', 'address.region'],
      ['Business Postal Code', 'address.postalCode'],
      ['Business Country/Region', 'address.country'],
      ['Home Street', 'address2.street'],
      ['Home Street 2', '-'],
      ['Home City', 'address2.city'],
      ['Home State', 'address2.region'],
      ['Home Postal Code', 'address2.postalCode'],
      ['Home Country/Region', 'address2.country'],
      ['Other Street', 'address3.street'],
      ['Other City', 'address3.city'],
      ["Assistant's Phone", 'phone.other'],
      ['Business Fax', 'phone.fax'],
      ['Business Phone', 'phone.work'],
      ['Business Phone 2', 'phone.work'],
      ['Callback', '-'],
      ['Car Phone', 'phone.other'],
      ['Company Main Phone', 'phone.work'],
      ['Home Fax', 'phone.fax'],
      ['Home Phone', 'phone.home'],
      ['Home Phone 2', 'phone.home'],
      ['ISDN', '-'],
      ['Mobile Phone', 'phone.mobile'],
      ['Other Fax', 'phone.fax'],
      ['Other Phone', 'phone.other'],
      ['Pager', '-'],
      ['Primary Phone', 'phone.other'],
      ['Radio Phone', '-'],
      ['TTY/TDD Phone', '-'],
      ['Telex', '-'],
      ['Account', '-'],
      ['Anniversary', '-'],
      ["Assistant's Name", '-'],
      ['Billing Information', '-'],
      ['Birthday', 'birthday'],
      ['Business Address PO Box', '-'],
      ['Categories', 'tags'],
      ['Children', '-'],
      ['Directory Server', '-'],
      ['E-mail Address', 'email.work'],
      ['E-mail Type', '-'],
      ['E-mail Display Name', '-'],
      ['E-mail 2 Address', 'email.other'],
      ['E-mail 2 Type', '-'],
      ['E-mail 2 Display Name', '-'],
      ['E-mail 3 Address', 'email.other'],
      ['Gender', '-'],
      ['Government ID Number', '-'],
      ['Hobby', '-'],
      ['Initials', '-'],
      ['Internet Free Busy', '-'],
      ['Keywords', '-'],
      ['Language', 'language'],
      ['Location', '-'],
      ["Manager's Name", '-'],
      ['Mileage', '-'],
      ['Notes', 'notes'],
      ['Office Location', '-'],
      ['Organizational ID Number', '-'],
      ['Priority', '-'],
      ['Private', '-'],
      ['Referred By', '-'],
      ['Sensitivity', '-'],
      ['Spouse', '-'],
      ['User 1', '-'],
      ['User 4', '-'],
      ['Web Page', 'website'],
    ];
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
  });

  it('maps the Russian Outlook export', () => {
    const pairs: Array<[string, string]> = [
      ['Обращение', '-'],
      ['Имя', 'firstName'],
      ['Отчество', 'middleName'],
      ['Фамилия', 'lastName'],
      ['Суффикс', '-'],
      ['Организация', 'company'],
      ['Отдел', '-'],
      ['Должность', 'position'],
      ['Рабочий адрес, улица', 'address.street'],
      ['Рабочий адрес, улица 2', '-'],
      ['Рабочий адрес, город', 'address.city'],
      ['Рабочий адрес, область', 'address.region'],
      ['Рабочий адрес, индекс', 'address.postalCode'],
      ['Рабочий адрес, страна или регион', 'address.country'],
      ['Домашний адрес, улица', 'address2.street'],
      ['Домашний адрес, город', 'address2.city'],
      ['Домашний адрес, индекс', 'address2.postalCode'],
      ['Домашний адрес, страна или регион', 'address2.country'],
      ['Телефон помощника', 'phone.other'],
      ['Факс раб.', 'phone.fax'],
      ['Рабочий телефон', 'phone.work'],
      ['Телефон раб. 2', 'phone.work'],
      ['Обратный вызов', '-'],
      ['Телефон в машине', 'phone.other'],
      ['Основной телефон организации', 'phone.work'],
      ['Факс дом.', 'phone.fax'],
      ['Домашний телефон', 'phone.home'],
      ['Телефон дом. 2', 'phone.home'],
      ['Мобильный телефон', 'phone.mobile'],
      ['Другой факс', 'phone.fax'],
      ['Другой телефон', 'phone.other'],
      ['Пейджер', '-'],
      ['Основной телефон', 'phone.other'],
      ['Радиотелефон', '-'],
      ['Телетайп/телефон с титрами', '-'],
      ['Телекс', '-'],
      ['Годовщина', '-'],
      ['День рождения', 'birthday'],
      ['Заметки', 'notes'],
      ['Категории', 'tags'],
      ['Адрес эл. почты', 'email.work'],
      ['Тип эл. почты', '-'],
      ['Краткое имя эл. почты', '-'],
      ['Адрес 2 эл. почты', 'email.other'],
      ['Тип 2 эл. почты', '-'],
      ['Краткое 2 имя эл. почты', '-'],
      ['Адрес 3 эл. почты', 'email.other'],
      ['Веб-страница', 'website'],
      ['Пол', '-'],
      ['Руководитель', '-'],
      ['Пользователь 1', '-'],
    ];
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
  });

  it("maps the other Russian Outlook export's addresses, «Город (раб. адрес)», each as an address of its kind", () => {
    const pairs: Array<[string, string]> = [
      ['Имя', 'firstName'],
      ['Фамилия', 'lastName'],
      ['Улица (раб. адрес)', 'address.street'],
      ['Улица 2 (раб. адрес)', '-'],
      ['Город (раб. адрес)', 'address.city'],
      ['Область (раб. адрес)', 'address.region'],
      ['Почтовый код (раб.)', 'address.postalCode'],
      ['Страна или регион (раб. адрес)', 'address.country'],
      ['Улица (дом. адрес)', 'address2.street'],
      ['Город (дом. адрес)', 'address2.city'],
      ['Почтовый код (дом.)', 'address2.postalCode'],
      ['Страна или регион (дом. адрес)', 'address2.country'],
      ['Улица (другой адрес)', 'address3.street'],
      ['Город (другой адрес)', 'address3.city'],
    ];
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
    const labels = autoMap({ entity: 'person', headers: headersOf(pairs), samples: [], customFields: [] }).map(
      (column) => column.addressLabel,
    );
    expect(labels).toEqual([
      ...[null, null],
      ...['work', null, 'work', 'work', 'work', 'work'],
      ...['home', 'home', 'home', 'home'],
      ...['other', 'other'],
    ]);
  });

  it('maps each address group to an address of its own, in the order of their first columns', () => {
    expect(mapping('person', ['Home City', 'Business City', 'Business Postal Code', 'Home Postal Code'])).toEqual(
      expected([
        ['Home City', 'address.city'],
        ['Business City', 'address2.city'],
        ['Business Postal Code', 'address2.postalCode'],
        ['Home Postal Code', 'address.postalCode'],
      ]),
    );
  });

  it("reads our CSV export's numbered address columns as the second and third addresses", () => {
    const pairs: Array<[string, string]> = [
      ['Город', 'address.city'],
      ['Улица', 'address.street'],
      ['Тип адреса', 'address.label'],
      ['Город 2', 'address2.city'],
      ['Улица 2', 'address2.street'],
      ['Тип адреса 2', 'address2.label'],
      ['City 3', 'address3.city'],
      ['Postal code 3', 'address3.postalCode'],
    ];
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
  });

  it('reads "Address 1" as the address itself and numbered street lines alone as more lines of it', () => {
    const shopify: Array<[string, string]> = [
      ['Address1', 'address.street'],
      ['Address2', '-'],
      ['City', 'address.city'],
      ['Zip', 'address.postalCode'],
    ];
    expect(mapping('person', headersOf(shopify))).toEqual(expected(shopify));
    const numbered: Array<[string, string]> = [
      ['Адрес 1', 'address.street'],
      ['Город', 'address.city'],
      ['Адрес 2', 'address2.street'],
      ['Город 2', 'address2.city'],
    ];
    expect(mapping('person', headersOf(numbered))).toEqual(expected(numbered));
  });

  it('feeds nothing from the address groups past the tenth, rather than guessing from their values', () => {
    const headers = Array.from({ length: 11 }, (_, index) => `Индекс ${index + 1}`);
    const samples = headers.map(() => ['12345-6789', '98765-4321']);
    const columns = autoMap({ entity: 'person', headers, samples, customFields: [] });
    expect(columns.map((column) => column.targets[0] ?? '-')).toEqual([
      'address.postalCode',
      ...Array.from({ length: 9 }, (_, index) => `address${index + 2}.postalCode`),
      '-',
    ]);
  });

  it("reads a company's legal, actual and postal addresses as three of their kinds, and joins a lone street to «Город»", () => {
    const suggest = (headers: string[]) =>
      autoMap({ entity: 'company', headers, samples: [], customFields: [] }).map((column) => [
        column.header,
        column.targets[0] ?? '-',
        column.addressLabel,
      ]);
    expect(suggest(['Юридический адрес', 'Фактический адрес', 'Почтовый адрес'])).toEqual([
      ['Юридический адрес', 'address.street', 'other'],
      ['Фактический адрес', 'address2.street', 'work'],
      ['Почтовый адрес', 'address3.street', 'postal'],
    ]);
    expect(suggest(['Город', 'Юридический адрес', 'Фактический адрес'])).toEqual([
      ['Город', 'address.city', null],
      ['Юридический адрес', 'address.street', 'other'],
      ['Фактический адрес', 'address2.street', 'work'],
    ]);
    expect(suggest(['Адрес', 'Почтовый адрес'])).toEqual([
      ['Адрес', 'address.street', null],
      ['Почтовый адрес', 'address2.street', 'postal'],
    ]);
  });

  it('names the kind of an Outlook address, and the label column of a Google phone or e-mail', () => {
    const columns = autoMap({
      entity: 'person',
      headers: [
        'Home City',
        'Business City',
        'Phone 1 - Label',
        'Phone 1 - Value',
        'E-mail 1 - Value',
        'E-mail 1 - Label',
      ],
      samples: [],
      customFields: [],
    });
    expect(columns.map((column) => [column.addressLabel, column.labelColumn])).toEqual([
      ['home', null],
      ['work', null],
      [null, null],
      [null, 2],
      [null, 5],
      [null, null],
    ]);
  });
});

describe('autoMap: hand-made sheets', () => {
  it('maps a typical Russian client list', () => {
    const pairs: Array<[string, string]> = [
      ['№', '-'],
      ['ФИО', 'fullName'],
      ['Организация', 'company'],
      ['Должность', 'position'],
      ['Тел.', 'phone.mobile'],
      ['Моб.', 'phone.mobile'],
      ['Рабочий телефон', 'phone.work'],
      ['Эл. почта', 'email.work'],
      ['Город', 'address.city'],
      ['Адрес', 'address.street'],
      ['ДР', 'birthday'],
      ['Ответственный', 'owner'],
      ['Источник', 'source'],
      ['Метки', 'tags'],
      ['Комментарий', 'notes'],
      ['Примечание', 'notes'],
      ['ИНН', '-'],
      ['Статус', '-'],
    ];
    expect(mapping('person', headersOf(pairs))).toEqual(expected(pairs));
  });

  it('gives a field that takes one value to the first column only', () => {
    expect(mapping('person', ['ФИО', 'Клиент', 'Город', 'Населённый пункт', 'Дата рождения', 'ДР'])).toEqual(
      expected([
        ['ФИО', 'fullName'],
        ['Клиент', '-'],
        ['Город', 'address.city'],
        ['Населённый пункт', '-'],
        ['Дата рождения', 'birthday'],
        ['ДР', '-'],
      ]),
    );
  });

  it('maps a whole-name column beside separate name columns too: it names the rows they leave without a name', () => {
    expect(mapping('person', ['ФИО', 'Фамилия', 'Имя'])).toEqual(
      expected([
        ['ФИО', 'fullName'],
        ['Фамилия', 'lastName'],
        ['Имя', 'firstName'],
      ]),
    );
  });

  it('maps a company list', () => {
    const pairs: Array<[string, string]> = [
      ['Название', 'name'],
      ['Юр. название', 'legalName'],
      ['Полное наименование', '-'],
      ['Отрасль', 'industry'],
      ['ИНН', '-'],
      ['Телефон', 'phone.work'],
      ['E-mail', 'email.work'],
      ['Сайт', 'website'],
      ['Юридический адрес', 'address.street'],
      ['Фактический адрес', 'address2.street'],
      ['Менеджер', 'owner'],
      ['Контактное лицо', '-'],
    ];
    expect(mapping('company', headersOf(pairs))).toEqual(expected(pairs));
  });

  it('maps custom fields by label (before the built-in synonyms) and by our export key', () => {
    const customFields: AutoMapInput['customFields'] = [
      { key: 'budget', label: 'Бюджет', type: 'number' },
      { key: 'source_detail', label: 'Источник', type: 'text' },
      { key: 'vip', label: 'VIP-клиент', type: 'checkbox' },
    ];
    expect(mapping('person', ['БЮДЖЕТ', 'Источник', 'vip клиент', 'custom.budget'], [], customFields)).toEqual(
      expected([
        ['БЮДЖЕТ', 'custom.budget'],
        ['Источник', 'custom.source_detail'],
        ['vip клиент', 'custom.vip'],
        ['custom.budget', '-'],
      ]),
    );
  });

  it('guesses unknown columns from their values', () => {
    const headers = ['Колонка 1', 'Колонка 2', 'Колонка 3', 'Колонка 4', '', 'Связь'];
    const samples: CellValue[][] = [
      ['Иванов Иван Иванович', 'Петрова Мария Сергеевна', 'Сидоров Пётр'],
      ['ivan@example.ru', 'maria@example.ru', null, ''],
      ['+7 (916) 123-45-67', 79161234568, '8 495 111-22-33'],
      ['Москва', 'Тверь', 'Казань'],
      ['a@b.ru', 'c@d.ru'],
      ['+7 916 000-00-00', '+7 916 000-00-01'],
    ];
    const result = autoMap({ entity: 'person', headers, samples, customFields: [] });
    expect(result).toEqual([
      {
        index: 0,
        header: 'Колонка 1',
        targets: ['fullName'],
        confidence: 'values',
        labelColumn: null,
        addressLabel: null,
      },
      {
        index: 1,
        header: 'Колонка 2',
        targets: ['email.work'],
        confidence: 'values',
        labelColumn: null,
        addressLabel: null,
      },
      {
        index: 2,
        header: 'Колонка 3',
        targets: ['phone.mobile'],
        confidence: 'values',
        labelColumn: null,
        addressLabel: null,
      },
      { index: 3, header: 'Колонка 4', targets: [], confidence: 'none', labelColumn: null, addressLabel: null },
      { index: 4, header: '', targets: ['email.work'], confidence: 'values', labelColumn: null, addressLabel: null },
      {
        index: 5,
        header: 'Связь',
        targets: ['phone.mobile'],
        confidence: 'values',
        labelColumn: null,
        addressLabel: null,
      },
    ]);
  });

  it('does not guess a whole name when the sheet has name columns, nor guess at known columns', () => {
    const result = autoMap({
      entity: 'person',
      headers: ['Имя', 'Неизвестно', 'ИНН', 'Pager'],
      samples: [['Иван', 'Мария'], ['Иванов Иван Иванович'], ['7701234567', '7702345678'], ['+7 916 123-45-67']],
      customFields: [],
    });
    expect(result.map((column) => column.targets)).toEqual([['firstName'], [], [], []]);
    expect(result.map((column) => column.confidence)).toEqual(['header', 'none', 'none', 'none']);
  });

  it('takes «Клиент» for the name only when no clearer name column is there, and for the company when it holds companies', () => {
    const people = ['Иванов Иван Иванович', 'Петрова Мария'];
    const companies = ['ООО «Ромашка»', 'АО "Вектор"', 'ИП Сидоров П. И.'];
    const phones = ['+7 916 123-45-67', '+7 916 123-45-68'];
    expect(mapping('person', ['Клиент', 'Контактное лицо', 'Телефон'], [companies, people, phones])).toEqual(
      expected([
        ['Клиент', 'company'],
        ['Контактное лицо', 'fullName'],
        ['Телефон', 'phone.mobile'],
      ]),
    );
    expect(mapping('person', ['Клиент', 'ФИО'], [people, people])).toEqual(
      expected([
        ['Клиент', '-'],
        ['ФИО', 'fullName'],
      ]),
    );
    expect(mapping('person', ['Покупатель', 'Телефон'], [people, phones])).toEqual(
      expected([
        ['Покупатель', 'fullName'],
        ['Телефон', 'phone.mobile'],
      ]),
    );
    // A company column already there: «Клиент» of companies feeds nothing rather than a name.
    expect(mapping('person', ['Компания', 'Клиент', 'ФИО'], [companies, companies, people])).toEqual(
      expected([
        ['Компания', 'company'],
        ['Клиент', '-'],
        ['ФИО', 'fullName'],
      ]),
    );
    // Unknown headers: company names go to the company, as e-mails go to the e-mail; quoted names
    // without a legal form are no companies.
    expect(
      mapping('person', ['Колонка 1', 'Колонка 2', 'Сорт чая'], [people, companies, ['Пуэр «Старое дерево»']]),
    ).toEqual(
      expected([
        ['Колонка 1', 'fullName'],
        ['Колонка 2', 'company'],
        ['Сорт чая', '-'],
      ]),
    );
  });

  it('never takes identifiers for phones, whatever their digits, but keeps a phone header that names its area code', () => {
    const digits = ['7707083893', '500100732259', '79161234567'];
    const headers = ['ИНН клиента', 'ОГРН организации', 'СНИЛС', 'Номер карты лояльности', 'Код 1С', 'Лицевой счёт'];
    expect(mapping('person', [...headers, 'Телефон (с кодом города)'], [...headers.map(() => digits), digits])).toEqual(
      expected([
        ...headers.map((header): [string, string] => [header, '-']),
        ['Телефон (с кодом города)', 'phone.mobile'],
      ]),
    );
  });

  it('reads an "Имя" column of whole names as the full name when there is no surname column', () => {
    const samples: CellValue[][] = [['Иванов Иван Иванович', 'Петрова Мария', 'Сидоров Пётр Ильич']];
    expect(autoMap({ entity: 'person', headers: ['Имя'], samples, customFields: [] })).toEqual([
      { index: 0, header: 'Имя', targets: ['fullName'], confidence: 'values', labelColumn: null, addressLabel: null },
    ]);
    expect(
      autoMap({ entity: 'person', headers: ['Имя', 'Фамилия'], samples, customFields: [] }).map((c) => c.targets),
    ).toEqual([['firstName'], ['lastName']]);
  });

  it('maps company phones by value to the work phone and never guesses a person name for a company', () => {
    const result = autoMap({
      entity: 'company',
      headers: ['A', 'B'],
      samples: [['+7 495 111-22-33'], ['Иванов Иван Иванович']],
      customFields: [],
    });
    expect(result.map((column) => column.targets)).toEqual([['phone.work'], []]);
  });

  it('covers samples beyond the headers', () => {
    const result = autoMap({ entity: 'person', headers: ['ФИО'], samples: [[], ['a@b.ru']], customFields: [] });
    expect(result).toEqual([
      { index: 0, header: 'ФИО', targets: ['fullName'], confidence: 'header', labelColumn: null, addressLabel: null },
      { index: 1, header: '', targets: ['email.work'], confidence: 'values', labelColumn: null, addressLabel: null },
    ]);
  });
});

describe('Google label columns', () => {
  const headers = [
    'Name',
    'E-mail 1 - Label',
    'E-mail 1 - Value',
    'Phone 1 - Type',
    'Phone 1 - Value',
    'Phone 2 - Value',
  ];
  it('finds the label column of a value column', () => {
    expect(labelColumnFor(headers, 2)).toBe(1);
    expect(labelColumnFor(headers, 4)).toBe(3);
    expect(labelColumnFor(headers, 5)).toBeNull();
    expect(labelColumnFor(headers, 0)).toBeNull();
    expect(labelColumnFor(headers, 99)).toBeNull();
    expect(labelColumnFor(['Phone 1 - Value', 'Name', 'Phone 1 - Label'], 0)).toBe(2);
  });

  const phones: Array<[string, string | null]> = [
    ['Mobile', 'mobile'],
    ['* Mobile', 'mobile'],
    ['Mobile ::: Work', 'mobile'],
    ['Work', 'work'],
    ['Work Fax', 'fax'],
    ['Home Fax', 'fax'],
    ['Home', 'home'],
    ['Main', 'other'],
    ['Google Voice', 'other'],
    ['Other', 'other'],
    ['Мобильный', 'mobile'],
    ['Сотовый', 'mobile'],
    ['Рабочий', 'work'],
    ['раб.', 'work'],
    ['Домашний', 'home'],
    ['Факс', 'fax'],
    ['', null],
    ['  ', null],
  ];
  it.each(phones)('phone label %j → %s', (text, label) => {
    expect(phoneLabelFromText(text)).toBe(label);
  });

  const emails: Array<[string, string | null]> = [
    ['Work', 'work'],
    ['* Work', 'work'],
    ['Home', 'personal'],
    ['Personal', 'personal'],
    ['Other', 'other'],
    ['Рабочий', 'work'],
    ['Рабочая', 'work'],
    ['Личный', 'personal'],
    ['Домашний', 'personal'],
    ['', null],
  ];
  it.each(emails)('e-mail label %j → %s', (text, label) => {
    expect(emailLabelFromText(text)).toBe(label);
  });

  const addresses: Array<[string, string | null]> = [
    ['Home', 'home'],
    ['home', 'home'],
    ['Домашний', 'home'],
    ['Work', 'work'],
    ['Юридический', 'work'],
    ['Фактический адрес', 'work'],
    ['postal', 'postal'],
    ['Почтовый', 'postal'],
    ['Адрес доставки', 'postal'],
    ['Other', 'other'],
    ['Дача', 'other'],
    ['', null],
  ];
  it.each(addresses)('address label %j → %s', (text, label) => {
    expect(addressLabelFromText(text)).toBe(label);
  });
});

describe('profileColumn', () => {
  const cases: Array<[CellValue[], string]> = [
    [[], 'empty'],
    [[null, '', '  '], 'empty'],
    [['ivan@example.ru', 'mailto:a@b.ru', 'Мария <m@y.ru>', null], 'email'],
    [['ivan@example.ru', 'a@b.ru', 'c@d.ru', 'не указан'], 'email'],
    [['ivan@example.ru', 'не указан', 'нет'], 'text'],
    [['+7 (916) 123-45-67', '8 495 111-22-33', '123-45-67'], 'phone'],
    [[79161234567, 79161234568, '89161234567'], 'phone'],
    [['+7 916 123-45-67, +7 916 765-43-21', '+7 495 111-22-33 доб. 12'], 'phone'],
    [[utc(2024, 3, 5), '05.03.2024', '2024-03-05', '5 марта 2024'], 'date'],
    [['01/02/2024', '03/04/2024'], 'date'],
    [[1, 2.5, '1 500', '15%', '1 500 000'], 'number'],
    [[1234567, 45356], 'number'],
    [['Иванов Иван Иванович', 'Петрова Мария', 'Сидоров Пётр Ильич'], 'fullName'],
    [['Ivanov Ivan', 'Petrova Maria'], 'fullName'],
    [['John Smith', 'Mary Jones'], 'text'],
    [['Москва', 'Тверь', 'Казань'], 'text'],
    [['иванов иван', 'петрова мария'], 'text'],
    [[true, false], 'text'],
  ];
  it.each(cases)('%j → %s', (samples, profile) => {
    expect(profileColumn(samples)).toBe(profile);
  });
});

describe('detectHeaderRow', () => {
  it('skips a title row and blank rows of a messy Russian sheet', () => {
    const rows: CellValue[][] = [
      ['Клиенты на 01.01.2024'],
      [],
      [null, null, null],
      ['ФИО', 'Телефон', 'E-mail', 'Город', 'Дата рождения'],
      ['Иванов Иван', '+7 916 123-45-67', 'ivan@example.ru', 'Москва', utc(1985, 3, 5)],
      ['Петрова Мария', '8 495 111-22-33', 'maria@example.ru', 'Тверь', '05.03.1990'],
    ];
    expect(detectHeaderRow(rows)).toBe(3);
  });

  it('takes the lower, fuller row of a two-row header under a merged group row', () => {
    const rows: CellValue[][] = [
      ['Список клиентов', null, null, null, null],
      ['Клиент', null, 'Контакты', null, 'Адрес'],
      ['Фамилия', 'Имя', 'Телефон', 'E-mail', 'Город'],
      ['Иванов', 'Иван', '+79161234567', 'ivan@example.ru', 'Москва'],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('takes the lower row when its headers are not ones we know but it is fuller', () => {
    const rows: CellValue[][] = [
      ['Воронка', null, 'Деньги'],
      ['Этап', 'Статус', 'Бюджет', 'Вероятность'],
      ['Переговоры', 'Активна', 150_000, 0.5],
    ];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('takes the lower row when the group row sits over fewer known headers', () => {
    const rows: CellValue[][] = [
      ['ФИО', 'Контакты', null, 'Город'],
      [null, 'Телефон', 'E-mail', null],
      ['Иванов Иван', '+79161234567', 'ivan@example.ru', 'Москва'],
    ];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('skips a title row of two cells above a header with a blank row between', () => {
    const rows: CellValue[][] = [
      ['Отчёт по клиентам', 'Менеджер: Петров'],
      [],
      ['Бюджет', 'Статус', 'Этап', 'Регион'],
      ['100', 'Новый', '1', 'Москва'],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('keeps the header above data rows whose values are header words', () => {
    const rows: CellValue[][] = [
      ['Имя', 'Фамилия', 'Должность', 'Источник'],
      ['Анна', 'Иванова', 'Менеджер', 'Сайт'],
      ['Олег', 'Петров', 'Директор', 'Звонок'],
    ];
    expect(detectHeaderRow(rows)).toBe(0);
    // Under a title row too.
    expect(detectHeaderRow([['Клиенты отдела продаж'], [], ...rows])).toBe(2);
  });

  it('takes the lower row under a group row repeated across its columns', () => {
    const rows: CellValue[][] = [
      ['Адрес', 'Адрес', 'Адрес', 'Телефон'],
      ['Город', 'Улица', 'Дом', 'Мобильный'],
      ['Москва', 'Тверская', '7', '+79161234567'],
    ];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('takes a header whose data rows are all text', () => {
    const rows: CellValue[][] = [
      ['Клиент', 'Город', 'Статус'],
      ['Иванов Иван', 'Москва', 'Новый'],
    ];
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('does not take a row of dates or numbers for a header', () => {
    const rows: CellValue[][] = [
      ['Продажи', '01.01.2024', '01.02.2024'],
      [100, 200, 300],
    ];
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('takes a lone header row with no data under it', () => {
    expect(detectHeaderRow([['Итоги'], [], ['ФИО', 'Телефон']])).toBe(2);
  });

  it('returns 0 when unsure', () => {
    expect(detectHeaderRow([])).toBe(0);
    expect(detectHeaderRow([[], []])).toBe(0);
    expect(
      detectHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(0);
    expect(detectHeaderRow([['Один'], ['Два']])).toBe(0);
  });

  it('looks only at the first 30 rows', () => {
    const rows: CellValue[][] = [
      ...Array.from({ length: 30 }, (): CellValue[] => ['примечание']),
      ['ФИО', 'Телефон'],
      ['Иванов', '+79161234567'],
    ];
    expect(detectHeaderRow(rows)).toBe(0);
  });
});

describe('headerSignature', () => {
  it('is the same for headers that differ only in case, ё, punctuation and spacing', () => {
    expect(headerSignature(['Ф.И.О.', ' Телефон ', 'Адрес ЭЛ. ПОЧТЫ', 'Счёт'])).toBe(
      headerSignature(['ФИО', 'телефон', 'адрес эл почты', 'Счет']),
    );
    expect(headerSignature(['ФИО', '', 'Телефон'])).toBe('3:фио||телефон');
    // Blank columns after the last header (a stray cell further right) change nothing.
    expect(headerSignature(['ФИО', 'Телефон', '', ''])).toBe(headerSignature(['ФИО', 'Телефон']));
  });

  it('finds templates saved before trailing blanks stopped counting, and none for a blank header row', () => {
    expect(templateSignatures(['ФИО', 'Телефон', ''])).toEqual(['2:фио|телефон', '3:фио|телефон|']);
    expect(templateSignatures(['ФИО', 'Телефон'])).toEqual(['2:фио|телефон']);
    expect(templateSignatures(['', ''])).toEqual([]);
  });

  it('depends on order and on blank columns', () => {
    expect(headerSignature(['ФИО', 'Телефон'])).not.toBe(headerSignature(['Телефон', 'ФИО']));
    expect(headerSignature(['ФИО', '', 'Телефон'])).not.toBe(headerSignature(['ФИО', 'Телефон']));
  });

  it('tells different header lists apart and is stable', () => {
    const header = fc.string({ unit: fc.constantFrom(...'абвгдеabc 123|.-'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(header, { maxLength: 10 }), fc.array(header, { maxLength: 10 }), (a, b) => {
        expect(headerSignature(a)).toBe(headerSignature([...a]));
        // Trailing blank headers don't count.
        const named = (list: string[]) => {
          const keys = list.map(normaliseHeader);
          while (keys.at(-1) === '') keys.pop();
          return keys;
        };
        const [x, y] = [named(a), named(b)];
        const sameKeys = x.length === y.length && x.every((value, index) => value === y[index]);
        expect(headerSignature(a) === headerSignature(b)).toBe(sameKeys);
      }),
    );
  });
});
