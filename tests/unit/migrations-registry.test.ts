import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, type Migration } from '../../migrations';
import { planMigrations } from '../../main/db/migrate';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');
const FILE_NAME = /^(\d{4})_.+\.ts$/;

const noop: Migration = { up: async () => undefined };

describe('migrations registry', () => {
  it('plans versions 1..N in order with no gaps', () => {
    const plan = planMigrations(migrations);
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.map((entry) => entry.version)).toEqual(plan.map((_, index) => index + 1));
    for (const entry of plan) {
      expect(entry.migration).toBe(migrations[entry.name]);
      expect(typeof entry.migration.up).toBe('function');
      expect(entry.name.slice(0, 4)).toBe(String(entry.version).padStart(4, '0'));
    }
  });

  it('registers exactly one entry per NNNN_*.ts file, keyed by the file name', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((file) => FILE_NAME.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(migrations).sort()).toEqual(files);
  });

  it('ignores registration order', () => {
    const plan = planMigrations({ '0002_second': noop, '0001_first': noop, '0003_third': noop });
    expect(plan.map((entry) => entry.name)).toEqual(['0001_first', '0002_second', '0003_third']);
    expect(plan.map((entry) => entry.version)).toEqual([1, 2, 3]);
  });

  it('accepts an empty registry', () => {
    expect(planMigrations({})).toEqual([]);
  });

  it('throws on a gap', () => {
    expect(() => planMigrations({ '0001_first': noop, '0003_third': noop })).toThrow(/without gaps/);
  });

  it('throws when the first version is not 1', () => {
    expect(() => planMigrations({ '0002_second': noop })).toThrow(/without gaps/);
  });

  it('throws on a duplicate version', () => {
    expect(() => planMigrations({ '0001_first': noop, '0001_again': noop, '0002_second': noop })).toThrow();
  });

  it.each(['1_initial', '0001', '0001-initial', '0001_Initial', 'initial', '00001_initial', '0001_initial.ts'])(
    'throws on the badly named key %s',
    (name) => {
      expect(() => planMigrations({ [name]: noop })).toThrow(/NNNN_snake_case/);
    },
  );
});
