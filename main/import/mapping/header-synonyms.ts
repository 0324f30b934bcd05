import { importFieldsOf, type ImportEntity } from '../../../shared/domain/import-fields';
import { fieldLabel } from '../../export/field-labels';
import { normaliseHeader } from './header-text';
import { addressHeaders, commonHeaders, ignoredHeaders, type Synonyms } from './synonyms-common';
import { companyHeaders } from './synonyms-company';
import { personHeaders } from './synonyms-person';

/** What a known header means. */
export type HeaderMeaning = {
  /** A field key, or null for a known column that feeds nothing (Outlook's "Title", "ИНН"). */
  target: string | null;
  /** Taken only when nothing else claims the field: "Address 1 - Formatted" gives way to "Address 1 - Street". */
  weak: boolean;
  /**
   * Taken after every other column («Клиент» is the name only when no «ФИО» or «Контактное лицо»
   * is), and by what the values hold when they say otherwise (company names: the company).
   */
  vague?: boolean;
  /** Address columns that belong together ("work", "google-2", "#2"): each group is one address. */
  group: string | null;
};

type Table = Map<string, HeaderMeaning>;

/** `fillOnly`: the list only fills gaps (a column we ignore in general may mean something for one entity). */
function addAll(table: Table, synonyms: Synonyms, fillOnly = false): void {
  for (const entry of synonyms) {
    const meaning: HeaderMeaning = {
      target: entry.target,
      weak: entry.weak ?? false,
      group: entry.group ?? null,
      ...(entry.vague ? { vague: true } : {}),
    };
    for (const header of entry.headers) {
      const key = normaliseHeader(header);
      const known = table.get(key);
      if (known && fillOnly) continue;
      // A key listed twice with different meanings is a mistake in the lists, caught by the tests.
      if (known && (known.target !== meaning.target || known.group !== meaning.group)) {
        throw new Error(`Header "${header}" is listed for both ${known.target} and ${meaning.target}`);
      }
      table.set(key, meaning);
    }
  }
}

function buildTable(entity: ImportEntity, own: Synonyms): Table {
  const table: Table = new Map();
  addAll(table, own);
  addAll(table, commonHeaders(entity));
  addAll(table, addressHeaders);
  addAll(table, ignoredHeaders, true);
  // Our own export writes field keys as headers ("phone.mobile"), and a list's export their labels
  // in either language («Согласие на рассылки: дата»): they read back as themselves.
  // (Not the addresses' labels: «Город 2» is read as the second address's by its number.)
  for (const { key } of importFieldsOf[entity]) {
    const labels = key.startsWith('address') ? [] : [fieldLabel(key, 'ru'), fieldLabel(key, 'en')];
    for (const header of [key, ...labels]) {
      if (!table.has(normaliseHeader(header)))
        table.set(normaliseHeader(header), { target: key, weak: false, group: null });
    }
  }
  return table;
}

const tables: Record<ImportEntity, Table> = {
  person: buildTable('person', personHeaders),
  company: buildTable('company', companyHeaders),
};

/** The key without spaces: "VIP-клиент" and "VIP клиент", "Эл.почта" and "Элпочта" meet here. */
export const compactKey = (key: string) => key.replaceAll(' ', '');

function compactTable(table: Table): Table {
  const compact: Table = new Map();
  for (const [key, meaning] of table) if (!compact.has(compactKey(key))) compact.set(compactKey(key), meaning);
  return compact;
}

const compactTables: Record<ImportEntity, Table> = {
  person: compactTable(tables.person),
  company: compactTable(tables.company),
};

const NUMBER = /(^| )(\d+)(?= |$)/g;

/** "email 2 value" → "email n value" with the numbers found, for the numbered headers of exports. */
function numbered(key: string): { key: string; numbers: string[] } {
  const numbers: string[] = [];
  const replaced = key.replace(NUMBER, (_, before: string, digits: string) => {
    numbers.push(digits);
    return `${before}n`;
  });
  return { key: replaced, numbers };
}

function withGroupNumber(meaning: HeaderMeaning, numbers: string[]): HeaderMeaning {
  if (!meaning.group?.includes('N')) return meaning;
  return { ...meaning, group: meaning.group.replace('N', numbers[0] ?? '') };
}

const EMAIL_WORDS = new Set(['email', 'emails', 'mail', 'почта', 'почты', 'емейл', 'емэйл', 'имейл', 'мейл', 'емаил']);

// Folded (ё → е), as header keys are.
const IDENTIFIER_WORDS = [
  'инн',
  'огрн',
  'кпп',
  'снилс',
  'окпо',
  'оквэд',
  'бик',
  'паспорт',
  'карт',
  'счет',
  'код',
  'артикул',
  'договор',
  'полис',
];

/** Phone and e-mail headers in the many ways people write them ("Тел. моб.", "Телефон (рабочий)", "E-mail личный"). */
function byKeywords(entity: ImportEntity, key: string): HeaderMeaning | undefined {
  const words = key.split(' ');
  const has = (...starts: string[]) => words.some((word) => starts.some((start) => word.startsWith(start)));
  const meaning = (target: string): HeaderMeaning => ({ target, weak: false, group: null });
  if (has('телеграм', 'telegram')) return undefined;
  if (has('факс', 'fax')) return meaning('phone.fax');
  const email = words.some((word) => EMAIL_WORDS.has(word)) || key.includes('эл почт') || key.includes('электронн');
  if (email) return meaning(has('личн', 'personal', 'home', 'дом', 'private') ? 'email.personal' : 'email.work');
  // Numbers that are no phone numbers («ИНН клиента», «Номер карты лояльности», «Код 1С»): known,
  // fed to nothing, and never guessed as phones from their ten or twelve digits.
  const phoneWords = has('тел', 'phone', 'моб', 'сотов', 'mobile', 'cell');
  if (!phoneWords && has(...IDENTIFIER_WORDS)) return { target: null, weak: false, group: null };
  if (!phoneWords && !has('номер')) return undefined;
  if (has('моб', 'сотов', 'mobile', 'cell')) return meaning('phone.mobile');
  if (has('раб', 'work', 'business', 'office', 'офис', 'служ')) return meaning('phone.work');
  if (has('дом', 'home')) return meaning('phone.home');
  if (has('тел', 'phone')) return meaning(entity === 'company' ? 'phone.work' : 'phone.mobile');
  return undefined;
}

const isAddress = (meaning: HeaderMeaning) => meaning.target?.startsWith('address.') === true;

/**
 * What a header means for the entity, or undefined when it is not known: the exact header, then
 * with its numbers as N ("Phone 2 - Value"), then without a trailing number ("Телефон 2"), then
 * without a bracketed remark ("Дата рождения (дд.мм.гггг)"), then without spaces, then phone and
 * e-mail keywords.
 */
export function headerMeaning(entity: ImportEntity, header: string): HeaderMeaning | undefined {
  const table = tables[entity];
  const key = normaliseHeader(header);
  if (key === '') return undefined;
  const exact = table.get(key);
  if (exact) return exact;
  const withNumbers = numbered(key);
  const numberedMeaning = withNumbers.numbers.length > 0 ? table.get(withNumbers.key) : undefined;
  if (numberedMeaning) return withGroupNumber(numberedMeaning, withNumbers.numbers);
  const unnumbered = key.replace(/ ?\d+$/, '');
  const trailing = unnumbered !== key ? table.get(unnumbered) : undefined;
  // "Город 2", "Улица 2": the parts of a second address, as our CSV export numbers them. A group's
  // own header numbered ("Business Street 2") is a second line of that address, not another one.
  if (trailing) {
    const another = isAddress(trailing) && trailing.group === null;
    return another ? { ...trailing, group: `#${key.slice(unnumbered.length).trim()}` } : trailing;
  }
  const unbracketed = normaliseHeader(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  const bracketed = unbracketed !== key && unbracketed !== '' ? table.get(unbracketed) : undefined;
  // A remark that names a phone or an e-mail, or its kind, says more than the words before it:
  // «Контакт (телефон)», «E-mail (личный)».
  if (bracketed) {
    const named = byKeywords(entity, key);
    return named?.target ? named : bracketed;
  }
  return compactTables[entity].get(compactKey(key)) ?? byKeywords(entity, key);
}

/** Whether the text is a header some sheet uses: a hint for telling header rows from data rows. */
export function isKnownHeader(text: string): boolean {
  return headerMeaning('person', text) !== undefined || headerMeaning('company', text) !== undefined;
}
