import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, describeDatabase } from '../../main/services/encrypted-database';
import { createTestApp, fakeVault, invoke, invokeFailing, type TestApp } from '../support/test-app';
import { useTempDir } from '../support/temp-dir';
import type { PassphraseVault } from '../../main/services/passphrase-vault';

const PASSPHRASE = 'correct horse battery';
const NEW_PASSPHRASE = 'staple battery horse correct';
const NAME = 'ООО «Ромашка»';

describe('database session through the dispatcher', () => {
  const tempDir = useTempDir();
  const started: TestApp[] = [];

  afterEach(async () => {
    vi.useRealTimers();
    for (const test of started.splice(0)) await test.app.dispose();
  });

  function start(vault?: PassphraseVault): TestApp {
    const test = createTestApp(tempDir(), vault);
    started.push(test);
    return test;
  }

  /** A fresh app with a newly created, open database. */
  async function startWithDatabase(options: { vault?: PassphraseVault; remember?: boolean } = {}) {
    const test = start(options.vault);
    const file = path.join(test.dataDir, 'databases', 'clients.kartoteka');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const status = await invoke(test.app, 'database:create', {
      path: file,
      name: NAME,
      passphrase: PASSPHRASE,
      remember: options.remember ?? false,
    });
    return { ...test, file, status };
  }

  it('starts closed', async () => {
    const { app, events } = start();
    expect(await invoke(app, 'database:status', {})).toEqual({ state: 'closed' });
    await invokeFailing(app, 'database:info', {}, 'DatabaseNotOpen');
    await invokeFailing(app, 'database:backup', {}, 'DatabaseNotOpen');
    // Locking with nothing open changes nothing and announces nothing.
    expect(await invoke(app, 'database:lock', {})).toEqual({ state: 'closed' });
    expect(events).toEqual([]);
  });

  it('creates a database, opens it and lists it as recent', async () => {
    const { app, file, status, loggedErrors } = await startWithDatabase();
    expect(status).toEqual({ state: 'open', path: file, name: NAME });
    expect(fs.existsSync(file)).toBe(true);
    expect(await invoke(app, 'database:status', {})).toEqual(status);

    const settings = await invoke(app, 'settings:get', {});
    expect(settings.recentDatabases).toHaveLength(1);
    expect(settings.recentDatabases[0]).toMatchObject({ path: file, name: NAME, remembered: false });

    const info = await invoke(app, 'database:info', {});
    expect(info).toMatchObject({ path: file, name: NAME });
    expect(info.schemaVersion).toBe(info.latestSchemaVersion);
    expect(loggedErrors).toEqual([]);
  });

  it('refuses to create over an existing file or with a short passphrase', async () => {
    const { app, file } = await startWithDatabase();
    await invokeFailing(app, 'database:create', { path: file, name: 'Other', passphrase: PASSPHRASE }, 'FileExists');
    const other = path.join(path.dirname(file), 'short.kartoteka');
    await invokeFailing(
      app,
      'database:create',
      { path: other, name: 'Short', passphrase: 'short' },
      'PassphraseTooShort',
    );
    expect(fs.existsSync(other)).toBe(false);
    // The open database is untouched by the failed attempts.
    expect(await invoke(app, 'database:status', {})).toEqual({ state: 'open', path: file, name: NAME });
  });

  it('locks on request, refuses a wrong passphrase and unlocks with the right one', async () => {
    const { app, file, events } = await startWithDatabase();

    const locked = await invoke(app, 'database:lock', {});
    expect(locked).toEqual({ state: 'locked', path: file, name: NAME, remembered: false });
    expect(events).toEqual([{ name: 'database:locked', payload: { reason: 'user' } }]);
    await invokeFailing(app, 'database:info', {}, 'DatabaseNotOpen');

    // A second lock is a no-op and is not announced again.
    expect(await invoke(app, 'database:lock', {})).toEqual(locked);
    expect(events).toHaveLength(1);

    await invokeFailing(app, 'database:unlock', { path: file, passphrase: 'not the passphrase' }, 'WrongPassphrase');
    expect(await invoke(app, 'database:status', {})).toEqual(locked);

    expect(await invoke(app, 'database:unlock', { path: file, passphrase: PASSPHRASE })).toEqual({
      state: 'open',
      path: file,
      name: NAME,
    });
    expect((await invoke(app, 'database:info', {})).name).toBe(NAME);
  });

  it('locks once when the user and the idle timer lock at the same moment', async () => {
    const { app, file, events } = await startWithDatabase();
    const [byUser, byIdle] = await Promise.all([app.dispatch('database:lock', {}), app.session.lock('idle')]);
    const locked = { state: 'locked', path: file, name: NAME, remembered: false };
    expect(byUser).toEqual({ ok: true, value: locked });
    expect(byIdle).toEqual(locked);
    // One transition, so one announcement (and one close of the connection).
    expect(events).toHaveLength(1);
    expect(events[0]?.name).toBe('database:locked');
  });

  it('closes the database', async () => {
    const { app } = await startWithDatabase();
    expect(await invoke(app, 'database:close', {})).toEqual({ state: 'closed' });
    await invokeFailing(app, 'database:info', {}, 'DatabaseNotOpen');
  });

  it('changes the passphrase: the old one stops working, the new one unlocks', async () => {
    const { app, file } = await startWithDatabase();
    await invokeFailing(
      app,
      'database:changePassphrase',
      { currentPassphrase: 'not the passphrase', newPassphrase: NEW_PASSPHRASE },
      'WrongPassphrase',
    );
    await invokeFailing(
      app,
      'database:changePassphrase',
      { currentPassphrase: PASSPHRASE, newPassphrase: 'short' },
      'PassphraseTooShort',
    );
    expect(
      await invoke(app, 'database:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE }),
    ).toBeNull();

    await invoke(app, 'database:lock', {});
    await invokeFailing(app, 'database:unlock', { path: file, passphrase: PASSPHRASE }, 'WrongPassphrase');
    expect(await invoke(app, 'database:unlock', { path: file, passphrase: NEW_PASSPHRASE })).toMatchObject({
      state: 'open',
    });
    // No safety copy of the old-key file is left behind.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['clients.kartoteka']);
  });

  it('backs up into the configured folder, and beside the file by default', async () => {
    const { app, file, dataDir } = await startWithDatabase();
    const backupFolder = path.join(dataDir, 'my backups');
    expect((await invoke(app, 'settings:update', { backupFolder })).backupFolder).toBe(backupFolder);

    const backup = await invoke(app, 'database:backup', {});
    expect(path.dirname(backup.path)).toBe(backupFolder);
    expect(path.extname(backup.path)).toBe('.kartoteka');
    expect(backup.sizeBytes).toBe(fs.statSync(backup.path).size);
    expect(backup.sizeBytes).toBeGreaterThan(0);

    const copy = await openDatabase(backup.path, PASSPHRASE);
    try {
      expect((await describeDatabase(copy)).name).toBe(NAME);
    } finally {
      await copy.close();
    }

    await invoke(app, 'settings:update', { backupFolder: null });
    const besideTheFile = await invoke(app, 'database:backup', {});
    expect(path.dirname(besideTheFile.path)).toBe(path.join(path.dirname(file), 'Backups'));
    expect(fs.existsSync(besideTheFile.path)).toBe(true);
  });

  it('locks by itself after the idle time, counting every call as activity', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { app, file, events } = await startWithDatabase();
    expect((await invoke(app, 'settings:update', { autoLockMinutes: 1 })).autoLockMinutes).toBe(1);
    const start = Date.now();

    vi.setSystemTime(start + 59_000);
    expect(await app.idleLock.check()).toBe(false);
    // Any call through the dispatcher is activity and restarts the countdown.
    await invoke(app, 'app:reportActivity', {});
    vi.setSystemTime(start + 60_000);
    expect(await app.idleLock.check()).toBe(false);
    expect(app.session.isOpen).toBe(true);

    vi.setSystemTime(start + 59_000 + 60_000);
    expect(await app.idleLock.check()).toBe(true);
    expect(events).toEqual([{ name: 'database:locked', payload: { reason: 'idle' } }]);
    expect(await invoke(app, 'database:status', {})).toEqual({
      state: 'locked',
      path: file,
      name: NAME,
      remembered: false,
    });
  });

  it('never locks by itself when auto-lock is off', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { app, events } = await startWithDatabase();
    await invoke(app, 'settings:update', { autoLockMinutes: 0 });
    vi.setSystemTime(Date.now() + 7 * 24 * 60 * 60_000);
    expect(await app.idleLock.check()).toBe(false);
    expect(app.session.isOpen).toBe(true);
    expect(events).toEqual([]);
  });

  it('remembers the passphrase in the keychain and unlocks with it', async () => {
    const vault = fakeVault();
    const { app, file, dataDir } = await startWithDatabase({ vault, remember: true });
    expect((await invoke(app, 'app:info', {})).canRememberPassphrase).toBe(true);
    expect((await invoke(app, 'settings:get', {})).recentDatabases[0]).toMatchObject({ path: file, remembered: true });
    // Only the wrapped form reaches the settings file.
    expect(vault.wrapped).toHaveLength(1);
    const settingsText = fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settingsText).toContain(vault.wrapped[0]);
    expect(settingsText).not.toContain(PASSPHRASE);

    expect(await invoke(app, 'database:lock', {})).toMatchObject({ state: 'locked', remembered: true });
    expect(await invoke(app, 'database:unlockRemembered', { path: file })).toEqual({
      state: 'open',
      path: file,
      name: NAME,
    });
  });

  it('re-wraps a remembered passphrase when it is changed', async () => {
    const vault = fakeVault();
    const { app, file } = await startWithDatabase({ vault, remember: true });
    await invoke(app, 'database:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
    await invoke(app, 'database:lock', {});
    expect(await invoke(app, 'database:unlockRemembered', { path: file })).toMatchObject({ state: 'open' });
  });

  it('forgets a remembered passphrase that no longer works', async () => {
    const vault = fakeVault();
    const { app, file } = await startWithDatabase({ vault, remember: true });
    await invoke(app, 'database:lock', {});
    app.environment.settings.setWrappedPassphrase(file, vault.wrap('a stale passphrase'));
    await invokeFailing(app, 'database:unlockRemembered', { path: file }, 'WrongPassphrase');
    expect(await invoke(app, 'database:status', {})).toMatchObject({ state: 'locked', remembered: false });
    expect((await invoke(app, 'settings:get', {})).recentDatabases[0]).toMatchObject({ path: file, remembered: false });
    await invokeFailing(app, 'database:unlockRemembered', { path: file }, 'WrongPassphrase');
  });

  it('does not remember anything without a keychain', async () => {
    const { app, file } = await startWithDatabase({ remember: true });
    expect((await invoke(app, 'app:info', {})).canRememberPassphrase).toBe(false);
    expect((await invoke(app, 'settings:get', {})).recentDatabases[0]).toMatchObject({ path: file, remembered: false });
    await invoke(app, 'database:lock', {});
    await invokeFailing(app, 'database:unlockRemembered', { path: file }, 'WrongPassphrase');
  });

  it('forgets a recent database through settings:forgetRecent', async () => {
    const vault = fakeVault();
    const { app, file } = await startWithDatabase({ vault, remember: true });
    const settings = await invoke(app, 'settings:forgetRecent', { path: file });
    expect(settings.recentDatabases).toEqual([]);
    await invoke(app, 'database:lock', {});
    await invokeFailing(app, 'database:unlockRemembered', { path: file }, 'WrongPassphrase');
  });
});
