import { describe, expect, it, vi, type Mock } from 'vitest';
import { AppError } from '../../shared/errors';
import { channels, type Channel } from '../../shared/ipc/channels';
import { createDispatch, type DispatchOptions, type HandlerMap } from '../../main/ipc/registry';

type FakeHandlers = HandlerMap & { [C in Channel]: Mock };

/** Every channel gets a vi.fn that fails loudly unless the test gives it a behaviour. */
function fakeHandlers(): FakeHandlers {
  const entries = channels.map((channel) => [
    channel,
    vi.fn(() => {
      throw new Error(`unexpected call to ${channel}`);
    }),
  ]);
  return Object.fromEntries(entries) as FakeHandlers;
}

function setup(options: DispatchOptions = {}) {
  const handlers = fakeHandlers();
  const onCall = vi.fn<(channel: Channel) => void>();
  const logError = vi.fn<(error: unknown, channel: string) => void>();
  const dispatch = createDispatch(handlers, { onCall, logError, ...options });
  return { handlers, onCall, logError, dispatch };
}

describe('createDispatch', () => {
  it('passes parsed input to the handler and wraps its value', async () => {
    const { handlers, dispatch, onCall } = setup();
    handlers['database:unlock'].mockResolvedValue({ state: 'open', path: '/data/a.kartoteka', name: 'A' });
    const result = await dispatch('database:unlock', { path: '  /data/a.kartoteka  ', passphrase: 'long enough' });
    expect(result).toEqual({ ok: true, value: { state: 'open', path: '/data/a.kartoteka', name: 'A' } });
    // FilePath trims and `remember` defaults to false: the handler sees the parsed input.
    expect(handlers['database:unlock']).toHaveBeenCalledWith({
      path: '/data/a.kartoteka',
      passphrase: 'long enough',
      remember: false,
    });
    expect(onCall).toHaveBeenCalledExactlyOnceWith('database:unlock');
  });

  it('refuses invalid input with InvalidInput and never calls the handler', async () => {
    const { handlers, dispatch, onCall } = setup();
    const result = await dispatch('database:unlock', { path: '', passphrase: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('InvalidInput');
    expect(result.error.message).toMatch(/path/);
    expect(result.error.message).toMatch(/passphrase/);
    const issues = (result.error.details as { issues: Array<{ path: string[] }> }).issues;
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([['path'], ['passphrase']]));
    expect(handlers['database:unlock']).not.toHaveBeenCalled();
    expect(onCall).not.toHaveBeenCalled();
  });

  it('refuses unknown fields on a strict input', async () => {
    const { handlers, dispatch } = setup();
    const result = await dispatch('settings:update', { theme: 'dark', wrappedPassphrases: { '/a': 'x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(handlers['settings:update']).not.toHaveBeenCalled();
  });

  it('refuses a non-object input', async () => {
    const { handlers, dispatch } = setup();
    expect(await dispatch('database:status', 'hello')).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await dispatch('database:status', [])).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(handlers['database:status']).not.toHaveBeenCalled();
  });

  it('treats a missing input as an empty object', async () => {
    const { handlers, dispatch } = setup();
    handlers['database:status'].mockReturnValue({ state: 'closed' });
    expect(await dispatch('database:status', undefined)).toEqual({ ok: true, value: { state: 'closed' } });
    expect(await dispatch('database:status', null)).toEqual({ ok: true, value: { state: 'closed' } });
    expect(handlers['database:status']).toHaveBeenCalledWith({});
  });

  it.each(['database:drop', '', 'toString', '__proto__', 'kartoteka:database:status'])(
    'answers the unknown channel %j with InvalidInput',
    async (channel) => {
      const { handlers, dispatch, onCall } = setup();
      const result = await dispatch(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
      expect(onCall).not.toHaveBeenCalled();
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    },
  );

  it('strips fields the output schema does not know', async () => {
    const { handlers, dispatch } = setup();
    handlers['database:status'].mockReturnValue({
      state: 'open',
      path: '/data/a.kartoteka',
      name: 'A',
      passphrase: 'must not leave main',
      key: Buffer.from('secret'),
    });
    const result = await dispatch('database:status', {});
    expect(result).toEqual({ ok: true, value: { state: 'open', path: '/data/a.kartoteka', name: 'A' } });
  });

  it('strips nested secrets from settings output', async () => {
    const { handlers, dispatch } = setup();
    handlers['settings:get'].mockReturnValue({
      language: 'en',
      theme: 'dark',
      backupFolder: null,
      autoLockMinutes: 5,
      defaultCountry: 'RU',
      recentDatabases: [],
      wrappedPassphrases: { '/a': 'secret' },
      windowBounds: { x: 0, y: 0, width: 800, height: 600, maximized: false },
    });
    const result = await dispatch('settings:get', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value as object).sort()).toEqual([
      'autoLockMinutes',
      'backupFolder',
      'defaultCountry',
      'language',
      'recentDatabases',
      'theme',
    ]);
  });

  it('turns an output that breaks the contract into Internal', async () => {
    const { handlers, dispatch, logError } = setup();
    handlers['database:status'].mockReturnValue({ state: 'exploded' });
    const result = await dispatch('database:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'Internal' } });
    expect(logError).toHaveBeenCalledOnce();
    expect(logError.mock.calls[0]?.[1]).toBe('database:status');
  });

  it('sends a thrown AppError as its JSON, without logging it', async () => {
    const { handlers, dispatch, logError } = setup();
    const error = new AppError('WrongPassphrase', 'Wrong passphrase', { path: '/data/a.kartoteka' });
    handlers['database:unlock'].mockRejectedValue(error);
    const result = await dispatch('database:unlock', { path: '/data/a.kartoteka', passphrase: 'nope nope' });
    expect(result).toEqual({ ok: false, error: error.toJSON() });
    expect(result).toEqual({
      ok: false,
      error: { code: 'WrongPassphrase', message: 'Wrong passphrase', details: { path: '/data/a.kartoteka' } },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it('sends an AppError thrown synchronously as well', async () => {
    const { handlers, dispatch } = setup();
    handlers['database:info'].mockImplementation(() => {
      throw new AppError('DatabaseNotOpen', 'No database is open');
    });
    expect(await dispatch('database:info', {})).toEqual({
      ok: false,
      error: { code: 'DatabaseNotOpen', message: 'No database is open' },
    });
  });

  it('hides an unexpected error behind Internal and logs it', async () => {
    const { handlers, dispatch, logError } = setup();
    const secret = new Error('SQLITE_CORRUPT at /home/user/secret-clients.kartoteka key=hunter2');
    handlers['database:info'].mockRejectedValue(secret);
    const result = await dispatch('database:info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('Internal');
    expect(result.error.details).toBeUndefined();
    expect(JSON.stringify(result)).not.toMatch(/SQLITE_CORRUPT|secret-clients|hunter2/);
    expect(logError).toHaveBeenCalledExactlyOnceWith(secret, 'database:info');
  });

  it.each([
    ['SQLITE_BUSY', 'DatabaseBusy'],
    ['SQLITE_BUSY_RECOVERY', 'DatabaseBusy'],
    ['SQLITE_CORRUPT_VTAB', 'DatabaseCorrupt'],
    ['SQLITE_FULL', 'DiskFull'],
  ])('sends SQLite’s %s met after the open as %s, a code the screen can explain', async (sqliteCode, code) => {
    const { handlers, dispatch, logError } = setup();
    handlers['database:info'].mockRejectedValue(Object.assign(new Error('database is locked'), { code: sqliteCode }));
    expect(await dispatch('database:info', {})).toMatchObject({ ok: false, error: { code } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('keeps a broken constraint a fault: Internal, logged', async () => {
    const { handlers, dispatch, logError } = setup();
    const fault = Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    handlers['database:info'].mockRejectedValue(fault);
    expect(await dispatch('database:info', {})).toMatchObject({ ok: false, error: { code: 'Internal' } });
    expect(logError).toHaveBeenCalledExactlyOnceWith(fault, 'database:info');
  });

  it('turns a thrown non-Error into Internal too', async () => {
    const { handlers, dispatch, logError } = setup();
    handlers['database:close'].mockRejectedValue('a string');
    expect(await dispatch('database:close', {})).toMatchObject({ ok: false, error: { code: 'Internal' } });
    expect(logError).toHaveBeenCalledExactlyOnceWith('a string', 'database:close');
  });

  it('works without options', async () => {
    const handlers = fakeHandlers();
    handlers['database:info'].mockRejectedValue(new Error('boom'));
    const dispatch = createDispatch(handlers);
    expect(await dispatch('database:info', {})).toMatchObject({ ok: false, error: { code: 'Internal' } });
  });

  it('calls onCall for every valid call, before the handler, even when it fails', async () => {
    const order: string[] = [];
    const { handlers, dispatch } = setup({ onCall: (channel) => order.push(`onCall ${channel}`) });
    handlers['app:reportActivity'].mockImplementation(() => {
      order.push('handler');
      return null;
    });
    handlers['database:backup'].mockRejectedValue(new AppError('DatabaseNotOpen', 'No database is open'));
    await dispatch('app:reportActivity', {});
    await dispatch('database:backup', {});
    await dispatch('app:reportActivity', { bogus: true });
    await dispatch('nope:nope', {});
    expect(order).toEqual(['onCall app:reportActivity', 'handler', 'onCall database:backup']);
  });
});
