import { describe, expect, it } from 'vitest';
import { CreateDatabaseRequest } from '../../shared/domain/database';
import { databaseNameFromFile } from '../../main/cli/database';

const fits = (name: string) => CreateDatabaseRequest.shape.name.safeParse(name).success;

describe('a database name from its file name', () => {
  it('is the file name without its extension', () => {
    expect(databaseNameFromFile('/data/Клиенты 2025.kartoteka')).toBe('Клиенты 2025');
  });

  it('cuts a file name longer than a name at its last whole word', () => {
    const long = `${'Клиенты отдела продаж '.repeat(11)}Москва`;
    expect(long.length).toBeGreaterThan(200);
    const name = databaseNameFromFile(`/data/${long}.kartoteka`);
    expect(fits(name)).toBe(true);
    expect(name).toBe(long.slice(0, name.length));
    expect(name).toMatch(/продаж$/);
    expect(databaseNameFromFile(`/data/${'otdel_prodazh-'.repeat(17)}.kartoteka`)).toMatch(
      /^(otdel_prodazh-)*otdel_prodazh$/,
    );
  });

  it('cuts one long word at the limit, never inside a character', () => {
    expect(databaseNameFromFile(`/data/${'a'.repeat(245)}.kartoteka`)).toBe('a'.repeat(200));
    const name = databaseNameFromFile(`/data/${'b'.repeat(199)}😀.kartoteka`);
    expect(name).toBe('b'.repeat(199));
    expect(fits(name)).toBe(true);
  });
});
