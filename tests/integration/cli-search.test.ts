import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchHit } from '../../shared/domain/search';
import { createDatabase } from '../../main/services/encrypted-database';
import { createCompany } from '../../main/services/companies-service';
import { createPerson } from '../../main/services/people-service';
import { testEnv } from '../support/open-test-database';
import { lastJsonLine, runCli } from '../support/cli-runner';

const PASSPHRASE = 'correct horse battery';

describe('cli search', () => {
  let dir = '';
  let file = '';
  const ids = { person: 0, namesake: 0, company: 0 };
  const search = (args: string[]) => runCli(['search', '--db', file, ...args], { KARTOTEKA_PASSPHRASE: PASSPHRASE });

  // Made in-process once: the CLI only reads it.
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-cli-search-'));
    file = path.join(dir, 'clients.kartoteka');
    const database = await createDatabase(file, 'Clients', PASSPHRASE);
    const env = testEnv();
    try {
      const company = await createCompany(database.db, { name: 'ООО «Ромашка»' }, env);
      ids.company = company.id;
      ids.person = (
        await createPerson(
          database.db,
          {
            lastName: 'Соловьёв',
            firstName: 'Пётр',
            companyId: company.id,
            position: 'Директор',
            phones: [{ value: '8 916 123-45-67', label: 'mobile' }],
          },
          env,
        )
      ).id;
      ids.namesake = (
        await createPerson(
          database.db,
          { lastName: 'Соловьева', firstName: 'Анна', phones: [{ value: '8 903 555-00-11' }] },
          env,
        )
      ).id;
      // More namesakes than --limit 5 lets through, and a near miss that must not match.
      for (let n = 0; n < 8; n += 1) {
        await createPerson(database.db, { lastName: `Соловьёв-${n + 2}`, firstName: 'Иван' }, env);
      }
      await createPerson(database.db, { lastName: 'Соловейчик', firstName: 'Иван' }, env);
    } finally {
      await database.close();
    }
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function hitsOf(output: Record<string, unknown>): SearchHit[] {
    const hits = output['hits'];
    expect(Array.isArray(hits)).toBe(true);
    return (hits as unknown[]).map((hit) => SearchHit.parse(hit));
  }

  it('finds a person by a phone written another way', () => {
    const run = search(['+7 916 123 45 67', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const output = lastJsonLine(run);
    expect(output).toMatchObject({ ok: true, command: 'search', query: '+7 916 123 45 67' });
    expect(output['searchMs']).toEqual(expect.any(Number));
    const hits = hitsOf(output);
    expect(hits[0]).toMatchObject({ type: 'person', id: ids.person, displayName: 'Соловьёв Пётр' });
    // A phone match names the number it matched.
    expect(hits[0]!.detail).toBe('+7 916 123-45-67');
    expect(hits.map((hit) => hit.id)).not.toContain(ids.namesake);
  });

  it('finds a person by name without ё and keeps to --limit', () => {
    const run = search(['соловьев', '--limit', '5', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const output = lastJsonLine(run);
    expect(output).toMatchObject({ ok: true, command: 'search', query: 'соловьев' });
    expect(output['searchMs']).toEqual(expect.any(Number));
    const hits = hitsOf(output);
    expect(hits).toHaveLength(5);
    expect(hits).toContainEqual({
      type: 'person',
      id: ids.person,
      displayName: 'Соловьёв Пётр',
      detail: 'ООО «Ромашка» · Директор',
    });
    // Every hit starts with "соловьев" once ё is folded; Соловейчик is no match.
    for (const hit of hits) {
      expect(hit.type).toBe('person');
      expect(hit.displayName.toLowerCase().replaceAll('ё', 'е')).toMatch(/^соловьев/);
    }
  });

  it('prints readable lines without --json', () => {
    const run = search(['Ромашка']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ match\(es\) for "Ромашка" in [\d.]+ ms$/m);
    expect(run.stdout).toContain(`company #${ids.company}`);
    expect(run.stdout).not.toContain('{');
  });

  it('treats a missing query or a bad --limit as a usage error (exit 2)', () => {
    const missing = search(['--json']);
    expect(missing.status).toBe(2);
    expect(lastJsonLine(missing)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(missing.stderr).toContain('search --db FILE');

    const badLimit = search(['соловьев', '--limit', '0', '--json']);
    expect(badLimit.status).toBe(2);
    expect(lastJsonLine(badLimit)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });
});
