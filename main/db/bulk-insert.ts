/**
 * Multi-row inserts for bulk paths (import), without the query builder: Kysely parses every value
 * of every row into a node tree and compiles it again for each chunk, which costs more than SQLite
 * spends storing the rows. The statement text depends only on the table, the columns and the
 * chunk's size, so the connection's statement cache reuses it chunk after chunk.
 */
import { CompiledQuery, type Insertable } from 'kysely';
import type { Database } from './schema';
import type { Executor } from './repositories/executor';

/** Under SQLite's bound-variable limit (32,766), with room to spare. */
const MAX_VARIABLES = 30_000;
const MAX_ROWS = 500;

export type Upsert<T extends keyof Database> = {
  conflict: ReadonlyArray<keyof Database[T] & string>;
  /** Columns that take the incoming row's value when the row exists already. */
  update: ReadonlyArray<keyof Database[T] & string>;
};

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Statement texts by shape: the same text object each time, so the statement cache finds it at once. */
const texts = new Map<string, string>();

function insertText(table: string, columns: readonly string[], rows: number, upsert?: Upsert<never>): string {
  const shape = `${table}|${columns.join(',')}|${rows}|${upsert ? `${upsert.conflict.join(',')}|${upsert.update.join(',')}` : ''}`;
  let text = texts.get(shape);
  if (text === undefined) {
    text = statementText(table, columns, rows, upsert);
    texts.set(shape, text);
  }
  return text;
}

function statementText(table: string, columns: readonly string[], rows: number, upsert?: Upsert<never>): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const conflict = upsert
    ? ` ON CONFLICT (${upsert.conflict.map(quoted).join(', ')}) DO UPDATE SET ${upsert.update
        .map((column) => `${quoted(column)} = excluded.${quoted(column)}`)
        .join(', ')}`
    : '';
  return `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}${conflict}`;
}

/**
 * Inserts rows of one shape (the first row's columns; a column a later row lacks is NULL) in
 * chunks, inside the caller's transaction.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  upsert?: Upsert<T>,
): Promise<void> {
  const [first] = rows;
  if (first === undefined) return;
  const columns = Object.keys(first);
  const largest = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / columns.length)));
  let start = 0;
  while (start < rows.length) {
    // Full chunks, then the rest in power-of-two pieces: a handful of statement texts in all,
    // each prepared once, where an odd remainder per batch would be prepared afresh every time.
    const left = rows.length - start;
    const count = left >= largest ? largest : 2 ** Math.floor(Math.log2(left));
    const text = insertText(table, columns, count, upsert as Upsert<never> | undefined);
    // Sized up front: pushing would grow it, a copy each time, some fifteen times on the way to 30,000.
    const parameters = new Array<unknown>(count * columns.length);
    let at = 0;
    for (let index = start; index < start + count; index += 1) {
      const row = rows[index] as Record<string, unknown>;
      for (const column of columns) {
        parameters[at] = row[column] ?? null;
        at += 1;
      }
    }
    await db.executeQuery(CompiledQuery.raw(text, parameters));
    start += count;
  }
}
