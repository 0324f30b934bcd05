import type { Synonyms } from './synonyms-common';

/** Headers of people lists: names, company and position, personal details (Russian, English, Outlook, Google). */
export const personHeaders: Synonyms = [
  {
    // A whole name gives way to separate name columns when the sheet has both (Google's old "Name").
    target: 'fullName',
    weak: true,
    headers: [
      'ФИО',
      'ФИО клиента',
      'ФИО контакта',
      'ФИО контактного лица',
      'Фамилия Имя Отчество',
      'Фамилия, имя, отчество',
      'Фамилия и имя',
      'Имя и фамилия',
      'Полное имя',
      'Контактное лицо',
      'Full name',
      'Fullname',
      'Name',
      'Contact name',
      'Contact person',
    ],
  },
  {
    // Often a person, but in a B2B list the client is a company («Клиент | Контактное лицо»): the
    // column is the name only when no other column is, and the company when it holds companies.
    target: 'fullName',
    weak: true,
    vague: true,
    headers: [
      'Клиент',
      'Контакт',
      'Покупатель',
      'Заказчик',
      'Contact',
      'Client',
      'Client name',
      'Customer',
      'Customer name',
    ],
  },
  { target: 'lastName', headers: ['Фамилия', 'Last Name', 'Lastname', 'Surname', 'Family Name', 'Last'] },
  { target: 'firstName', headers: ['Имя', 'First Name', 'Firstname', 'Given Name', 'First', 'Forename'] },
  { target: 'middleName', headers: ['Отчество', 'Middle Name', 'Additional Name', 'Patronymic'] },
  { target: 'displayName', headers: ['Отображаемое имя', 'Display name', 'File As'] },
  {
    target: 'company',
    headers: [
      'Организация',
      'Компания',
      'Фирма',
      'Название компании',
      'Наименование компании',
      'Название организации',
      'Наименование организации',
      'Место работы',
      'Работодатель',
      'Company',
      'Company name',
      'Organization',
      'Organisation',
      'Organization Name',
      'Organisation name',
      'Organization N - Name',
      'Employer',
    ],
  },
  {
    target: 'position',
    headers: [
      'Должность',
      'Профессия',
      'Job Title',
      'Jobtitle',
      'Position',
      'Organization Title',
      'Organization N - Title',
      'Occupation',
    ],
  },
  {
    target: 'birthday',
    headers: ['Дата рождения', 'ДР', 'Д.р.', 'День рождения', 'Дата рожд.', 'Birthday', 'Date of birth', 'Birth date'],
  },
  { target: 'birthday', headers: ['Birthdate', 'DOB'] },
  {
    target: 'preferredChannel',
    headers: ['Предпочтительный канал', 'Способ связи', 'Канал связи', 'Preferred channel', 'Preferred contact method'],
  },
  { target: 'language', headers: ['Язык', 'Language'] },
  {
    target: 'contactConsent',
    headers: [
      'Согласие на обработку персональных данных',
      'Согласие на обработку ПД',
      'Согласие на обработку',
      'Согласие на связь',
      'Contact consent',
      'Consent',
    ],
  },
  {
    target: 'marketingConsent',
    headers: ['Согласие на рассылку', 'Рассылка', 'Подписка на рассылку', 'Marketing consent', 'Newsletter'],
  },
];
