/**
 * The phases of the import-export bench (bench/import-export.ts), each run alone in a child process
 * (bench/import-export-child.ts) so that its peak RSS is its own.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ExportRequest } from '../shared/domain/imports';
import { createEncryptedFile } from '../main/db/open';
import { exportRecords } from '../main/export/export-service';
import { createDatabase, openDatabase } from '../main/services/encrypted-database';
import { ImportSessions, suggestedSetup } from '../main/services/import-service';
import { openSpreadsheet } from '../main/spreadsheets/source';
const PASSPHRASE = 'bench passphrase 2024';
const env = { now: () => new Date(), defaultCountry: 'RU' };

const HEADERS = [
  'Фамилия',
  'Имя',
  'Отчество',
  'Мобильный телефон',
  'Рабочий телефон',
  'E-mail',
  'Компания',
  'Должность',
  'Город',
  'Дата рождения',
  'Теги',
  'Комментарий',
];
/** The export's field keys for the same 12 columns. */
const EXPORT_COLUMNS = [
  'lastName',
  'firstName',
  'middleName',
  'phone.mobile',
  'phone.work',
  'email.work',
  'company',
  'position',
  'address.city',
  'birthday',
  'tags',
  'notes',
];
const BIRTHDAY_COLUMN = 9;

// ---------------------------------------------------------------- data

type Cell = string | number | Date | null;

type Pools = {
  ru: { male: NamePool; female: NamePool };
  en: { last: string[]; first: string[] };
  companies: string[];
  positionsRu: string[];
  positionsEn: string[];
  cities: string[];
  notes: string[];
};
type NamePool = { last: string[]; first: string[]; middle: string[] };

const TAGS = ['VIP', 'Опт', 'Розница', 'Партнёр', 'Новый', 'Постоянный', 'Холодный', 'Тендер', 'Дилер', 'Newsletter'];
const DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'rambler.ru', 'list.ru', 'outlook.com'];
const OPERATORS = ['903', '905', '909', '915', '916', '925', '926', '977', '985', '999'];
const POSITIONS_RU = [
  'Директор',
  'Генеральный директор',
  'Менеджер по продажам',
  'Главный бухгалтер',
  'Бухгалтер',
  'Инженер',
  'Юрист',
  'Специалист по закупкам',
  'Руководитель отдела',
  'Коммерческий директор',
  'Логист',
  'Офис-менеджер',
  'Индивидуальный предприниматель',
  'Маркетолог',
  'Технический директор',
];
const TRANSLIT: Record<string, string> = Object.fromEntries(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((letter, index) => [
    letter,
    'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh sch  y  e yu ya'.split(' ')[index] ?? '',
  ]),
);

const latin = (text: string) =>
  [...text.toLowerCase()]
    .map((char) => TRANSLIT[char] ?? char)
    .join('')
    .replace(/[^a-z]/g, '');

/**
 * Faker, seeded: the same pools in every process, so every phase sees the same rows. Loaded only by
 * the phases that make rows: its locales would add ~40 MB to the other phases' peaks.
 */
async function makePools(): Promise<Pools> {
  const { fakerEN, fakerRU } = await import('@faker-js/faker');
  fakerRU.seed(2024);
  fakerEN.seed(2024);
  const times = <T>(count: number, make: () => T) => Array.from({ length: count }, make);
  const names = (sex: 'male' | 'female'): NamePool => ({
    last: times(600, () => fakerRU.person.lastName(sex)),
    first: times(150, () => fakerRU.person.firstName(sex)),
    middle: times(150, () => fakerRU.person.middleName(sex)),
  });
  return {
    ru: { male: names('male'), female: names('female') },
    en: { last: times(500, () => fakerEN.person.lastName()), first: times(300, () => fakerEN.person.firstName()) },
    companies: [...times(2400, () => fakerRU.company.name()), ...times(600, () => fakerEN.company.name())],
    positionsRu: POSITIONS_RU,
    positionsEn: times(100, () => fakerEN.person.jobTitle()),
    cities: [...times(300, () => fakerRU.location.city()), ...times(60, () => fakerEN.location.city())],
    notes: [...times(300, () => fakerRU.lorem.sentence()), ...times(100, () => fakerEN.lorem.sentence())],
  };
}

/** mulberry32: a fast seeded stream, so row choices cost nothing next to what is measured. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Rows as a sales team's client list has them: sparse cells, phones in several spellings (some as
 * numbers), dates as date cells. Phones and e-mails are unique per row, so every row is a new person.
 */
async function peopleRows(count: number): Promise<Generator<Cell[]>> {
  return rowsFrom(await makePools(), count);
}

function* rowsFrom(pools: Pools, count: number): Generator<Cell[]> {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  for (let index = 0; index < count; index += 1) {
    const english = random() < 0.2;
    const names = random() < 0.5 ? pools.ru.male : pools.ru.female;
    const last = english ? pick(pools.en.last) : pick(names.last);
    const first = english ? pick(pools.en.first) : pick(names.first);
    const middle = english || random() < 0.15 ? null : pick(names.middle);
    const operator = OPERATORS[index % OPERATORS.length]!;
    const number = String(index).padStart(7, '0');
    const [a, b, c] = [number.slice(0, 3), number.slice(3, 5), number.slice(5)];
    const style = random();
    const mobile =
      style < 0.35
        ? `+7 (${operator}) ${a}-${b}-${c}`
        : style < 0.65
          ? `8 ${operator} ${a}-${b}-${c}`
          : style < 0.85
            ? `8${operator}${number}`
            : Number(`7${operator}${number}`);
    const birthday =
      random() < 0.6
        ? new Date(Date.UTC(1950 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28)))
        : null;
    const tags = random() < 0.5 ? [...new Set([pick(TAGS), pick(TAGS)])].join(', ') : null;
    yield [
      last,
      first,
      middle,
      mobile,
      random() < 0.35 ? `+7 495 ${a}-${b}-${c}` : null,
      `${latin(last)}.${latin(first).slice(0, 1)}${index}@${pick(DOMAINS)}`,
      random() < 0.85 ? pick(pools.companies) : null,
      random() < 0.8 ? pick(english ? pools.positionsEn : pools.positionsRu) : null,
      random() < 0.9 ? pick(pools.cities) : null,
      birthday,
      tags,
      random() < 0.4 ? pick(pools.notes) : null,
    ];
  }
}

const cellText = (cell: Cell): string | null =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? null : String(cell);

type SchemaRow = {
  id: number;
  first: string | null;
  middle: string | null;
  last: string | null;
  display: string;
  company: string | null;
  position: string | null;
  birthday: string | null;
  city: string | null;
  notes: string | null;
  email: string;
  tags: string[];
  /** kind, label, value, search key */
  points: Array<[string, string, string, string]>;
};

/** A row as the app stores it, worked out before the clock starts (the schema floor measures writes only). */
function schemaRow(cells: Cell[], id: number): SchemaRow {
  const text = (index: number) => cellText(cells[index] ?? null);
  const digits = (index: number) => {
    const value = text(index);
    if (value === null) return null;
    const only = value.replace(/\D/g, '');
    return only.startsWith('8') ? `7${only.slice(1)}` : only;
  };
  const [first, middle, last] = [text(1), text(2), text(0)];
  const email = text(5) ?? '';
  const points: SchemaRow['points'] = [];
  for (const [index, label] of [
    [3, 'mobile'],
    [4, 'work'],
  ] as const) {
    const phone = digits(index);
    if (phone !== null) points.push(['phone', label, `+${phone}`, phone]);
  }
  points.push(['email', 'work', email, email]);
  return {
    id,
    first,
    middle,
    last,
    display: [last, first, middle].filter((part) => part !== null).join(' '),
    company: text(6),
    position: text(7),
    city: text(8),
    birthday: text(9),
    tags: text(10)?.split(', ') ?? [],
    notes: text(11),
    email,
    points,
  };
}

// ---------------------------------------------------------------- phases (run in child processes)

export type PhaseArgs = { rows: number; file: string; db: string; out: string };
type PhaseOutcome = { ms: number; rows: number; info?: string };
export type PhaseResult = PhaseOutcome & { peakRssMb: number };

const timed = async (action: () => Promise<number> | number): Promise<{ ms: number; rows: number }> => {
  const started = performance.now();
  const rows = await action();
  return { ms: performance.now() - started, rows };
};

/** exceljs's streaming writer as its docs show it: every row committed as it is added. */
async function writeRaw(file: string, source: Iterable<Cell[]>, useSharedStrings: boolean): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
  const sheet = book.addWorksheet('Клиенты');
  sheet.columns = HEADERS.map((_, index) => ({
    width: 18,
    ...(index === BIRTHDAY_COLUMN ? { style: { numFmt: 'dd.mm.yyyy' } } : {}),
  }));
  sheet.addRow(HEADERS).commit();
  let rows = 0;
  for (const cells of source) {
    sheet.addRow(cells).commit();
    rows += 1;
  }
  sheet.commit();
  await book.commit();
  return rows;
}

async function importInto(args: PhaseArgs, dry: boolean): Promise<PhaseOutcome> {
  const database = await createDatabase(args.db, 'Bench', PASSPHRASE);
  try {
    const sessions = new ImportSessions();
    const opening = performance.now();
    const file = await sessions.open(database.db, { path: args.file });
    const setup = suggestedSetup(file);
    const openMs = performance.now() - opening;
    const mapped = setup.sheets[0]?.columns.filter((column) => (column.targets?.length ?? 0) > 0).length ?? 0;
    const started = performance.now();
    const summary = dry
      ? (await sessions.dryRun(database.db, file.sessionId, setup, env)).summary
      : (await sessions.run(database.db, file.sessionId, setup, env)).summary;
    const ms = performance.now() - started;
    const people = summary.people;
    const outcome = `${people.create} people + ${summary.linkedCompaniesCreated} companies ${dry ? 'to create' : 'created'}, ${people.skip} skipped, ${people.update + people.merge} merged`;
    return { ms, rows: summary.rows, info: `open ${Math.round(openMs)} ms, ${mapped}/12 columns mapped; ${outcome}` };
  } finally {
    await database.close();
  }
}

async function exportFrom(args: PhaseArgs, columns: string[] | null): Promise<PhaseOutcome> {
  const database = await openDatabase(args.db, PASSPHRASE);
  try {
    const request = ExportRequest.parse({
      entity: 'person',
      columns,
      format: { kind: 'xlsx' },
      path: args.out,
      language: 'ru',
    });
    const result = await timed(async () => (await exportRecords(database.db, request, env)).rows);
    return { ...result, info: `${request.columns?.length ?? 'all'} columns` };
  } finally {
    await database.close();
  }
}

const phases = {
  /** Nothing: what Node, tsx and this module's imports cost before any work. */
  idle: async () => ({ ms: 0, rows: 0 }),

  generate: async (args: PhaseArgs) => {
    const source = await peopleRows(args.rows);
    const result = await timed(() => writeRaw(args.file, source, true));
    return { ...result, info: `${(fs.statSync(args.file).size / 1048576).toFixed(1)} MB file` };
  },

  rawRead: async (args: PhaseArgs) =>
    timed(async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(args.file, {
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        worksheets: 'emit',
        entries: 'ignore',
      });
      let rows = 0;
      let cells = 0;
      for await (const sheet of reader) {
        for await (const row of sheet) {
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (cell.value !== null) cells += 1;
          });
          rows += 1;
        }
      }
      return cells > 0 ? rows - 1 : 0; // less the header
    }),

  sourceRead: async (args: PhaseArgs) =>
    timed(async () => {
      const source = await openSpreadsheet(args.file);
      const [sheet] = await source.sheets();
      let rows = 0;
      for await (const _row of source.rows(sheet!.name)) rows += 1;
      return rows - 1;
    }),

  rawInsert: async (args: PhaseArgs) => {
    // The rows are made before the clock starts: only the insert is measured.
    const data = Array.from(await peopleRows(args.rows), (cells) => cells.map(cellText));
    const connection = createEncryptedFile(args.db, PASSPHRASE);
    try {
      const names = HEADERS.map((_, index) => `c${index}`);
      connection.exec(
        `CREATE TABLE people (id INTEGER PRIMARY KEY, ${names.map((name) => `${name} TEXT`).join(', ')})`,
      );
      const insert = connection.prepare(
        `INSERT INTO people (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      );
      return await timed(() => {
        connection.transaction(() => {
          for (const row of data) insert.run(row);
        })();
        return data.length;
      });
    } finally {
      connection.close();
    }
  },

  /**
   * The floor the app's own schema sets: the same rows, already split and normalised before the
   * clock starts, written with prepared statements into a migrated database — people with their
   * list indexes, contact points, the city, tag links, the search index and the undo journal.
   */
  rawSchemaInsert: async (args: PhaseArgs) => {
    const data = Array.from(await peopleRows(args.rows), (cells, index) => schemaRow(cells, index + 1));
    const database = await createDatabase(args.db, 'Bench', PASSPHRASE);
    const connection = database.connection;
    try {
      const now = new Date().toISOString();
      const tagIds = new Map(TAGS.map((tag, index) => [tag, index + 1]));
      connection.exec(`INSERT INTO imports (id, file_name, mode, summary, started_at, finished_at)
                       VALUES (1, 'bench.xlsx', 'upsert', '{}', '${now}', '${now}')`);
      const insertTag = connection.prepare('INSERT INTO tags (id, name, name_key) VALUES (?, ?, ?)');
      for (const [name, id] of tagIds) insertTag.run(id, name, name.toLowerCase());
      const company = connection.prepare(
        'INSERT INTO companies (name, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?)',
      );
      const person = connection.prepare(`INSERT INTO people (id, first_name, middle_name, last_name, display_name,
        sort_key, company_id, position, birthday, city, notes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const point = connection.prepare(`INSERT INTO contact_points (person_id, kind, label, value, search_key,
        reversed_key, position) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      const address = connection.prepare(
        "INSERT INTO addresses (person_id, label, city, position) VALUES (?, 'work', ?, 0)",
      );
      const tagLink = connection.prepare('INSERT INTO person_tags (tag_id, person_id) VALUES (?, ?)');
      const search = connection.prepare('INSERT INTO people_search (rowid, name, details) VALUES (?, ?, ?)');
      const journal = connection.prepare(
        "INSERT INTO import_records (import_id, entity, record_id, action, version_after) VALUES (1, 'person', ?, 'created', 1)",
      );
      return await timed(() => {
        connection.transaction(() => {
          const companies = new Map<string, number>();
          for (const row of data) {
            let companyId = row.company === null ? null : (companies.get(row.company) ?? null);
            if (row.company !== null && companyId === null) {
              companyId = Number(company.run(row.company, row.company.toLowerCase(), now, now).lastInsertRowid);
              companies.set(row.company, companyId);
            }
            person.run(
              row.id,
              row.first,
              row.middle,
              row.last,
              row.display,
              row.display.toLowerCase(),
              companyId,
              row.position,
              row.birthday,
              row.city,
              row.notes,
              now,
              now,
            );
            row.points.forEach(([kind, label, value, key], position) =>
              point.run(row.id, kind, label, value, key, [...key].reverse().join(''), position),
            );
            if (row.city !== null) address.run(row.id, row.city);
            for (const tag of row.tags) tagLink.run(tagIds.get(tag)!, row.id);
            search.run(row.id, row.display, [row.company, row.position, row.city, row.email, ...row.tags].join(' '));
            journal.run(row.id);
          }
        })();
        return data.length;
      });
    } finally {
      await database.close();
    }
  },
  importDryRun: (args: PhaseArgs) => importInto(args, true),
  import: (args: PhaseArgs) => importInto(args, false),

  rawWrite: async (args: PhaseArgs) => {
    // Rows are made as they are written (a few µs each), as the export loads them as it goes.
    const source = await peopleRows(args.rows);
    return timed(() => writeRaw(args.out, source, false));
  },
  export: (args: PhaseArgs) => exportFrom(args, EXPORT_COLUMNS),
  exportAll: (args: PhaseArgs) => exportFrom(args, null),
} satisfies Record<string, (args: PhaseArgs) => Promise<PhaseOutcome>>;

export type Phase = keyof typeof phases;

/** Runs one phase in this process and prints its result as JSON on stdout. */
export async function runPhaseHere(phase: string, json: string): Promise<void> {
  if (!(phase in phases)) throw new Error(`Unknown phase ${phase}`);
  const outcome = await phases[phase as Phase](JSON.parse(json) as PhaseArgs);
  // maxRSS is in kibibytes: the process's peak resident set, however briefly it was reached.
  const result: PhaseResult = { ...outcome, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
