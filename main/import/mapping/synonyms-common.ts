import type { ImportEntity } from '../../../shared/domain/import-fields';

/** Headers as sheets write them (normalised when the table is built); "N" stands for any number. */
export type Synonyms = ReadonlyArray<{
  target: string | null;
  headers: readonly string[];
  weak?: boolean;
  /** A name that may mean another field: see HeaderMeaning. */
  vague?: boolean;
  group?: string;
}>;

/** Contact points, ownership, tags and notes: the same for people and companies. */
export function commonHeaders(entity: ImportEntity): Synonyms {
  const phone = entity === 'company' ? 'phone.work' : 'phone.mobile';
  return [
    // Only an id that says it is ours: a bare "ID" (Bitrix24, amoCRM, 1С) numbers another system's
    // records, and matched against this base it would overwrite whoever has that number here.
    { target: 'id', headers: ['Kartoteka ID', 'ID в Картотеке', 'ID Картотеки'] },
    { target: null, headers: ['ID', 'Идентификатор', 'ID записи', 'Company ID', 'CompanyID', 'ID компании'] },
    {
      target: phone,
      headers: ['Телефон', 'Телефоны', 'Тел.', 'Номер телефона', 'Контактный телефон', 'Phone', 'Phones'],
    },
    { target: phone, headers: ['Phone number', 'Telephone', 'Tel', 'Телефон/факс', 'Тел./факс'] },
    {
      target: 'phone.mobile',
      headers: ['Мобильный', 'Мобильный телефон', 'Моб.', 'Моб. телефон', 'Моб. тел.', 'Тел. моб.', 'Сотовый'],
    },
    {
      target: 'phone.mobile',
      headers: ['Сотовый телефон', 'Телефон мобильный', 'Mobile', 'Mobile Phone', 'Cell', 'Cell phone', 'Cellphone'],
    },
    { target: 'phone.mobile', headers: ['Phone N - Value'] },
    {
      target: 'phone.work',
      headers: ['Рабочий телефон', 'Телефон рабочий', 'Тел. раб.', 'Телефон раб.', 'Work phone', 'Business Phone'],
    },
    {
      target: 'phone.work',
      headers: ['Company Main Phone', 'Основной телефон организации', 'Office phone', 'Телефон офиса'],
    },
    {
      target: 'phone.home',
      headers: ['Домашний телефон', 'Телефон домашний', 'Тел. дом.', 'Телефон дом.', 'Home phone'],
    },
    {
      target: 'phone.fax',
      headers: ['Факс', 'Fax', 'Business Fax', 'Home Fax', 'Other Fax', 'Факс раб.', 'Рабочий факс', 'Факс дом.'],
    },
    { target: 'phone.fax', headers: ['Домашний факс', 'Другой факс'] },
    {
      target: 'phone.other',
      headers: ['Другой телефон', 'Other phone', 'Доп. телефон', 'Дополнительный телефон', 'Additional phone'],
    },
    {
      target: 'phone.other',
      headers: ["Assistant's Phone", 'Телефон помощника', 'Car Phone', 'Телефон в машине', 'Primary Phone'],
    },
    { target: 'phone.other', headers: ['Основной телефон'] },
    {
      target: 'email.work',
      headers: ['E-mail', 'Email', 'E-mail адрес', 'Адрес электронной почты', 'Электронная почта', 'Эл. почта'],
    },
    {
      target: 'email.work',
      headers: ['Почта', 'Емейл', 'Mail', 'E-mail Address', 'Email address', 'Адрес эл. почты', 'Рабочий e-mail'],
    },
    { target: 'email.work', headers: ['Work email', 'Business email', 'E-mail N - Value', 'E-mails', 'Emails'] },
    { target: 'email.personal', headers: ['Личный e-mail', 'Личная почта', 'Personal email', 'Home email'] },
    {
      target: 'email.other',
      headers: ['E-mail N Address', 'Адрес N эл. почты', 'Другой e-mail', 'Other email', 'Доп. e-mail'],
    },
    { target: 'email.other', headers: ['Дополнительный e-mail'] },
    {
      target: 'website',
      headers: ['Сайт', 'Веб-сайт', 'Вебсайт', 'Веб-страница', 'Сайт компании', 'Website', 'Web site', 'Web page'],
    },
    { target: 'website', headers: ['Homepage', 'URL', 'Site', 'Website N - Value', 'Веб-адрес'] },
    {
      target: 'source',
      headers: ['Источник', 'Источник клиента', 'Источник лида', 'Канал привлечения', 'Откуда узнал', 'Откуда узнали'],
    },
    { target: 'source', headers: ['Source', 'Lead source', 'Referral source'] },
    {
      target: 'owner',
      headers: ['Ответственный', 'Ответственный менеджер', 'Менеджер', 'Владелец', 'Куратор', 'Owner', 'Manager'],
    },
    {
      target: 'owner',
      headers: ['Account manager', 'Account owner', 'Responsible', 'Assigned to', 'Sales rep', 'Salesperson'],
    },
    {
      target: 'tags',
      headers: ['Теги', 'Тэги', 'Тег', 'Метки', 'Метка', 'Ярлыки', 'Категории', 'Категория', 'Группа', 'Группы'],
    },
    { target: 'tags', headers: ['Tags', 'Tag', 'Labels', 'Categories', 'Category', 'Group', 'Groups'] },
    { target: 'tags', headers: ['Group Membership'] },
    {
      target: 'notes',
      headers: ['Комментарий', 'Комментарии', 'Коммент', 'Примечание', 'Примечания', 'Заметки', 'Заметка'],
    },
    { target: 'notes', headers: ['Описание', 'Notes', 'Note', 'Comment', 'Comments', 'Remarks', 'Description'] },
  ];
}

/** «Город (раб. адрес)», «Город (раб.)»; «другой» has no dot: «Город (другой адрес)». */
function outlookRu(part: string, kind: 'раб' | 'дом' | 'другой'): string[] {
  const short = kind === 'другой' ? kind : `${kind}.`;
  return [`${part} (${short} адрес)`, `${part} (${short})`];
}
const outlookRuPostal = (kind: 'раб' | 'дом' | 'другой') =>
  ['Индекс', 'Почтовый индекс', 'Почтовый код'].flatMap((part) => outlookRu(part, kind));
const outlookRuCountry = (kind: 'раб' | 'дом' | 'другой') =>
  ['Страна', 'Страна или регион', 'Страна/регион'].flatMap((part) => outlookRu(part, kind));

/** One address's parts in one group's headers. */
function group(name: string | undefined, parts: Record<string, readonly string[]>, weak = false): Synonyms {
  return Object.entries(parts).map(([part, headers]) => ({
    target: `address.${part}`,
    headers,
    ...(name ? { group: name } : {}),
    ...(weak ? { weak } : {}),
  }));
}

/**
 * Address headers. Outlook and Google exports carry several addresses ("Business …", "Home …",
 * "Address 2 - …"), and ours number them ("Город 2"): each group becomes one of the record's
 * addresses, in the order the sheet's columns give them.
 */
export const addressHeaders: Synonyms = [
  ...group(undefined, {
    street: ['Адрес', 'Улица', 'Address', 'Street', 'Street address'],
    city: ['Город', 'Населенный пункт', 'City', 'Town'],
    region: ['Регион', 'Область', 'Регион/Область', 'Край', 'Субъект РФ', 'State', 'Province', 'Region'],
    postalCode: ['Индекс', 'Почтовый индекс', 'ZIP', 'Zip code', 'ZIP/Postal code', 'Postal code', 'Postcode'],
    country: ['Страна', 'Country'],
    label: ['Тип адреса', 'Вид адреса', 'Address type'],
  }),
  ...group(undefined, { postalCode: ['Post code'] }),
  // A company's addresses in Russian lists (1С and others), each a whole address in one cell.
  ...group('legal', { street: ['Юридический адрес', 'Юр. адрес', 'Адрес регистрации'] }),
  ...group('actual', { street: ['Фактический адрес', 'Факт. адрес', 'Адрес офиса'] }),
  ...group('postal', { street: ['Почтовый адрес', 'Адрес доставки', 'Адрес для корреспонденции'] }),
  // Outlook in Russian names them two ways by version: «Рабочий адрес, город», «Город (раб. адрес)».
  ...group('work', {
    street: ['Business Street', 'Рабочий адрес, улица', ...outlookRu('Улица', 'раб')],
    city: ['Business City', 'Рабочий адрес, город', ...outlookRu('Город', 'раб')],
    region: ['Business State', 'Рабочий адрес, область', ...outlookRu('Область', 'раб')],
    postalCode: ['Business Postal Code', 'Рабочий адрес, индекс', ...outlookRuPostal('раб')],
    country: ['Business Country/Region', 'Рабочий адрес, страна или регион', ...outlookRuCountry('раб')],
  }),
  ...group('home', {
    street: ['Home Street', 'Домашний адрес, улица', ...outlookRu('Улица', 'дом')],
    city: ['Home City', 'Домашний адрес, город', ...outlookRu('Город', 'дом')],
    region: ['Home State', 'Домашний адрес, область', ...outlookRu('Область', 'дом')],
    postalCode: ['Home Postal Code', 'Домашний адрес, индекс', ...outlookRuPostal('дом')],
    country: ['Home Country/Region', 'Домашний адрес, страна или регион', ...outlookRuCountry('дом')],
  }),
  ...group('other', {
    street: ['Other Street', 'Другой адрес, улица', ...outlookRu('Улица', 'другой')],
    city: ['Other City', 'Другой адрес, город', ...outlookRu('Город', 'другой')],
    region: ['Other State', 'Другой адрес, область', ...outlookRu('Область', 'другой')],
    postalCode: ['Other Postal Code', 'Другой адрес, индекс', ...outlookRuPostal('другой')],
    country: ['Other Country/Region', 'Другой адрес, страна или регион', ...outlookRuCountry('другой')],
  }),
  ...group('google-N', {
    street: ['Address N - Street'],
    city: ['Address N - City'],
    region: ['Address N - Region'],
    postalCode: ['Address N - Postal Code'],
    country: ['Address N - Country'],
    label: ['Address N - Label', 'Address N - Type'],
  }),
  // The whole address on several lines: a street only when the export has no street column.
  ...group('google-N', { street: ['Address N - Formatted'] }, true),
];

/**
 * Columns of contact exports that we know and that feed nothing. Listing them keeps their values
 * from being guessed at: a pager number is not a mobile, an ИНН is not a phone.
 */
export const ignoredHeaders: Synonyms = [
  {
    target: null,
    headers: [
      // Outlook, English.
      'Title',
      'Suffix',
      'Department',
      "Manager's Name",
      "Assistant's Name",
      'Spouse',
      'Children',
      'Hobby',
      'Gender',
      'Initials',
      'Account',
      'Anniversary',
      'Billing Information',
      'Directory Server',
      'Government ID Number',
      'Organizational ID Number',
      'Internet Free Busy',
      'Keywords',
      'Location',
      'Mileage',
      'Office Location',
      'Priority',
      'Private',
      'Sensitivity',
      'Referred By',
      'User N',
      'Pager',
      'ISDN',
      'Radio Phone',
      'TTY/TDD Phone',
      'Telex',
      'Callback',
      'E-mail Type',
      'E-mail Display Name',
      'E-mail N Type',
      'E-mail N Display Name',
      'Business Street 2',
      'Business Street 3',
      'Home Street 2',
      'Home Street 3',
      'Other Street 2',
      'Other Street 3',
      'Business Address PO Box',
      'Home Address PO Box',
      'Other Address PO Box',
      'PO Box',
      // Outlook, Russian.
      'Обращение',
      'Суффикс',
      'Отдел',
      'Руководитель',
      'Имя помощника',
      'Супруг(а)',
      'Дети',
      'Хобби',
      'Пол',
      'Инициалы',
      'Учетная запись',
      'Годовщина',
      'Сведения о счете',
      'Сервер каталогов',
      'Ключевые слова',
      'Расположение',
      'Размещение',
      'Расстояние',
      'Важность',
      'Частное',
      'Пометка',
      'Пользователь N',
      'Пейджер',
      'Радиотелефон',
      'Телетайп/телефон с титрами',
      'Телекс',
      'Обратный вызов',
      'Тип эл. почты',
      'Краткое имя эл. почты',
      'Тип N эл. почты',
      'Краткое N имя эл. почты',
      'Рабочий адрес, улица 2',
      'Рабочий адрес, улица 3',
      'Домашний адрес, улица 2',
      'Домашний адрес, улица 3',
      'Другой адрес, улица 2',
      'Другой адрес, улица 3',
      'Рабочий адрес, почтовый ящик',
      'Домашний адрес, почтовый ящик',
      'Другой адрес, почтовый ящик',
      // Google Contacts: labels of numbered values and parts we have no field for.
      'Name Prefix',
      'Name Suffix',
      'Nickname',
      'Phonetic First Name',
      'Phonetic Middle Name',
      'Phonetic Last Name',
      'Yomi Name',
      'Given Name Yomi',
      'Additional Name Yomi',
      'Family Name Yomi',
      'Short Name',
      'Maiden Name',
      'Photo',
      'Subject',
      'Organization Department',
      'E-mail N - Label',
      'E-mail N - Type',
      'Phone N - Label',
      'Phone N - Type',
      'Address N - PO Box',
      'Address N - Extended Address',
      'Organization N - Type',
      'Organization N - Yomi Name',
      'Organization N - Department',
      'Organization N - Symbol',
      'Organization N - Location',
      'Organization N - Job Description',
      'Website N - Label',
      'Website N - Type',
      'Relation N - Label',
      'Relation N - Type',
      'Relation N - Value',
      'Event N - Label',
      'Event N - Type',
      'Event N - Value',
      'IM N - Label',
      'IM N - Type',
      'IM N - Service',
      'IM N - Value',
      'Custom Field N - Label',
      'Custom Field N - Type',
      'Custom Field N - Value',
      'External ID N - Label',
      'External ID N - Value',
      // Russian company and personal numbers: digits that would pass for phone numbers.
      'ИНН',
      'КПП',
      'ОГРН',
      'ОГРНИП',
      'ОКПО',
      'БИК',
      'Р/с',
      'Расчетный счет',
      'Корр. счет',
      'К/с',
      'Паспорт',
      'СНИЛС',
      '№ п/п',
      'Номер договора',
    ],
  },
];
