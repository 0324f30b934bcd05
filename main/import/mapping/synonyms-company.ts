import type { Synonyms } from './synonyms-common';

/** Headers of company lists. */
export const companyHeaders: Synonyms = [
  {
    target: 'name',
    headers: [
      'Название',
      'Наименование',
      'Компания',
      'Название компании',
      'Наименование компании',
      'Организация',
      'Название организации',
      'Наименование организации',
      'Фирма',
      'Клиент',
      'Контрагент',
      'Name',
      'Company',
      'Company name',
      'Organization',
      'Organisation',
      'Organization Name',
      'Account',
      'Account name',
    ],
  },
  {
    target: 'legalName',
    headers: [
      'Юр. название',
      'Юридическое название',
      'Юрлицо',
      'Юр. лицо',
      'Юридическое лицо',
      'Полное наименование',
      'Полное название',
      'Юридическое наименование',
      'Полное наименование организации',
      'Legal name',
      'Legal entity',
      'Registered name',
    ],
  },
  {
    target: 'industry',
    headers: ['Отрасль', 'Сфера деятельности', 'Сфера', 'Вид деятельности', 'Индустрия', 'Industry', 'Sector'],
  },
];
