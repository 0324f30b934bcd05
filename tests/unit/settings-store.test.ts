import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT_DATABASES } from '../../shared/constants';
import { Settings, SettingsPatch } from '../../shared/domain/settings';
import { createFileSettingsStore, SettingsStore } from '../../main/settings/settings-store';
import { useTempDir } from '../support/temp-dir';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));

describe('file settings store', () => {
  const tempDir = useTempDir();

  function settingsFile(folder: string): string {
    return path.join(folder, 'settings.json');
  }

  function writeRaw(folder: string, document: unknown): void {
    fs.writeFileSync(settingsFile(folder), JSON.stringify(document));
  }

  function readRaw(folder: string): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(settingsFile(folder), 'utf8')) as Record<string, unknown>;
  }

  it('starts from the defaults', () => {
    const stored = createFileSettingsStore(tempDir()).read();
    expect(stored).toEqual({
      language: 'ru',
      theme: 'auto',
      recentDatabases: [],
      windowBounds: null,
      backupFolder: null,
      autoLockMinutes: 15,
      defaultCountry: 'RU',
      wrappedPassphrases: {},
    });
  });

  it('persists a patch across store instances on the same folder', () => {
    const folder = tempDir();
    const written = createFileSettingsStore(folder).applyPatch({ language: 'en', theme: 'dark', autoLockMinutes: 5 });
    expect(written).toMatchObject({ language: 'en', theme: 'dark', autoLockMinutes: 5 });
    expect(readRaw(folder)).toMatchObject({ language: 'en', theme: 'dark', autoLockMinutes: 5 });

    const reopened = createFileSettingsStore(folder).read();
    expect(reopened).toMatchObject({ language: 'en', theme: 'dark', autoLockMinutes: 5, backupFolder: null });
  });

  it('keeps fields a patch leaves undefined, and clears backupFolder with null', () => {
    const folder = tempDir();
    const store = createFileSettingsStore(folder);
    store.applyPatch({ theme: 'light', backupFolder: '/backups' });
    store.applyPatch({ language: 'en', theme: undefined });
    expect(createFileSettingsStore(folder).read()).toMatchObject({
      language: 'en',
      theme: 'light',
      backupFolder: '/backups',
    });
    store.applyPatch({ backupFolder: null });
    expect(createFileSettingsStore(folder).read().backupFolder).toBeNull();
  });

  it('refuses to persist an invalid value', () => {
    const folder = tempDir();
    const store = createFileSettingsStore(folder);
    store.applyPatch({ autoLockMinutes: 30 });
    expect(() => store.update({ autoLockMinutes: -1 })).toThrow();
    expect(createFileSettingsStore(folder).read().autoLockMinutes).toBe(30);
  });

  it('falls back per field on invalid values in the file while valid fields survive', () => {
    const folder = tempDir();
    writeRaw(folder, {
      language: 'en',
      theme: 'purple',
      autoLockMinutes: -3,
      backupFolder: '/srv/backups',
      windowBounds: { x: 1, y: 2, width: 10, height: 10, maximized: false },
      recentDatabases: 'not a list',
      wrappedPassphrases: { '/data/a.kartoteka': 'd3JhcHBlZA==' },
      somethingFromTheFuture: { nested: true },
    });
    const stored = createFileSettingsStore(folder).read();
    expect(stored).toEqual({
      language: 'en',
      theme: 'auto',
      autoLockMinutes: 15,
      defaultCountry: 'RU',
      backupFolder: '/srv/backups',
      windowBounds: null,
      recentDatabases: [],
      wrappedPassphrases: { '/data/a.kartoteka': 'd3JhcHBlZA==' },
    });
  });

  it('takes as the default country only a code the phone library knows', () => {
    for (const bad of ['XX', 'russia', '', 'ru']) {
      expect(SettingsPatch.safeParse({ defaultCountry: bad }).success, bad).toBe(false);
    }
    const folder = tempDir();
    writeRaw(folder, { language: 'en', defaultCountry: 'XX' });
    expect(createFileSettingsStore(folder).read()).toMatchObject({ language: 'en', defaultCountry: 'RU' });
    expect(createFileSettingsStore(folder).applyPatch({ defaultCountry: 'KZ' }).defaultCountry).toBe('KZ');
  });

  it('drops unknown keys and keeps everything valid', () => {
    const folder = tempDir();
    writeRaw(folder, { language: 'en', autoLockMinutes: 0, legacyOption: 1 });
    const stored = createFileSettingsStore(folder).read();
    expect(stored).toMatchObject({ language: 'en', autoLockMinutes: 0, theme: 'auto' });
    expect(stored).not.toHaveProperty('legacyOption');
  });

  it('repairs a file whose unknown keys are named like Object.prototype members', () => {
    const folder = tempDir();
    // An invalid field forces the per-field repair; the other keys are merely unknown.
    writeRaw(folder, { language: 'en', theme: 'purple', constructor: 1, toString: 'x', hasOwnProperty: null });
    const stored = createFileSettingsStore(folder).read();
    expect(stored).toMatchObject({ language: 'en', theme: 'auto' });
  });

  it('falls back to the defaults when every field is invalid', () => {
    const folder = tempDir();
    writeRaw(folder, { language: 42, theme: null, autoLockMinutes: 'fifteen' });
    expect(createFileSettingsStore(folder).read()).toMatchObject({
      language: 'ru',
      theme: 'auto',
      autoLockMinutes: 15,
    });
  });

  it('records recent databases most recent first, deduplicated by path', () => {
    const store = createFileSettingsStore(tempDir());
    store.recordRecent('/data/a.kartoteka', 'A', at(1));
    store.recordRecent('/data/b.kartoteka', 'B', at(2));
    store.recordRecent('/data/a.kartoteka', 'A renamed', at(3));
    expect(store.read().recentDatabases).toEqual([
      { path: '/data/a.kartoteka', name: 'A renamed', openedAt: at(3).toISOString() },
      { path: '/data/b.kartoteka', name: 'B', openedAt: at(2).toISOString() },
    ]);
  });

  it(`keeps at most ${MAX_RECENT_DATABASES} recent databases, dropping the oldest`, () => {
    const store = createFileSettingsStore(tempDir());
    const total = MAX_RECENT_DATABASES + 3;
    for (let index = 0; index < total; index += 1)
      store.recordRecent(`/data/${index}.kartoteka`, `#${index}`, at(index));
    const recent = store.read().recentDatabases;
    expect(recent).toHaveLength(MAX_RECENT_DATABASES);
    expect(recent[0]?.path).toBe(`/data/${total - 1}.kartoteka`);
    expect(recent.at(-1)?.path).toBe(`/data/${total - MAX_RECENT_DATABASES}.kartoteka`);
    expect(recent.map((entry) => entry.path)).not.toContain('/data/0.kartoteka');
  });

  it('forgets a recent database together with its wrapped passphrase', () => {
    const folder = tempDir();
    const store = createFileSettingsStore(folder);
    store.recordRecent('/data/a.kartoteka', 'A', at(1));
    store.recordRecent('/data/b.kartoteka', 'B', at(2));
    store.setWrappedPassphrase('/data/a.kartoteka', 'wrapped-a');
    store.setWrappedPassphrase('/data/b.kartoteka', 'wrapped-b');

    store.forgetRecent('/data/a.kartoteka');
    const stored = createFileSettingsStore(folder).read();
    expect(stored.recentDatabases.map((entry) => entry.path)).toEqual(['/data/b.kartoteka']);
    expect(stored.wrappedPassphrases).toEqual({ '/data/b.kartoteka': 'wrapped-b' });
    expect(fs.readFileSync(settingsFile(folder), 'utf8')).not.toContain('wrapped-a');
  });

  it('forgets an unknown path without touching the rest', () => {
    const store = createFileSettingsStore(tempDir());
    store.recordRecent('/data/a.kartoteka', 'A', at(1));
    store.setWrappedPassphrase('/data/a.kartoteka', 'wrapped-a');
    store.forgetRecent('/data/zzz.kartoteka');
    expect(store.read().recentDatabases).toHaveLength(1);
    expect(store.read().wrappedPassphrases).toEqual({ '/data/a.kartoteka': 'wrapped-a' });
  });

  it('sets and clears a wrapped passphrase', () => {
    const store = createFileSettingsStore(tempDir());
    store.setWrappedPassphrase('/data/a.kartoteka', 'one');
    store.setWrappedPassphrase('/data/a.kartoteka', 'two');
    expect(store.read().wrappedPassphrases).toEqual({ '/data/a.kartoteka': 'two' });
    store.setWrappedPassphrase('/data/a.kartoteka', null);
    expect(store.read().wrappedPassphrases).toEqual({});
  });

  it('shows the renderer no secrets or window geometry, and marks remembered entries', () => {
    const folder = tempDir();
    const store = createFileSettingsStore(folder);
    store.update({ windowBounds: { x: 10, y: 20, width: 1200, height: 800, maximized: true } });
    store.recordRecent('/data/a.kartoteka', 'A', at(1));
    store.recordRecent('/data/b.kartoteka', 'B', at(2));
    store.setWrappedPassphrase('/data/a.kartoteka', 'WRAPPED-SECRET');

    const view = store.toPublic();
    expect(Settings.strict().safeParse(view).success).toBe(true);
    expect(view).not.toHaveProperty('wrappedPassphrases');
    expect(view).not.toHaveProperty('windowBounds');
    expect(JSON.stringify(view)).not.toContain('WRAPPED-SECRET');
    expect(JSON.stringify(view)).not.toContain('1200');
    expect(view.recentDatabases).toEqual([
      { path: '/data/b.kartoteka', name: 'B', openedAt: at(2).toISOString(), remembered: false },
      { path: '/data/a.kartoteka', name: 'A', openedAt: at(1).toISOString(), remembered: true },
    ]);
  });

  it('works over any backend holding a whole document', () => {
    const backend = { store: { theme: 'dark' } as Record<string, unknown> };
    const store = new SettingsStore(backend);
    store.applyPatch({ language: 'en' });
    expect(backend.store).toMatchObject({ theme: 'dark', language: 'en', autoLockMinutes: 15 });
  });
});
