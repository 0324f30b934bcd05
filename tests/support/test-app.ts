import path from 'node:path';
import { expect } from 'vitest';
import { AppError, type AppErrorJson } from '../../shared/errors';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/events';
import { createApp, type App } from '../../main/app-context';
import { createFileSettingsStore } from '../../main/settings/settings-store';
import { unavailableVault, type PassphraseVault } from '../../main/services/passphrase-vault';

/** A keychain stand-in: reversible, and visibly not the plain passphrase. */
export function fakeVault(): PassphraseVault & { wrapped: string[] } {
  const wrapped: string[] = [];
  return {
    available: true,
    wrapped,
    wrap: (passphrase) => {
      const value = Buffer.from([...passphrase].reverse().join(''), 'utf8').toString('base64');
      wrapped.push(value);
      return value;
    },
    unwrap: (value) => [...Buffer.from(value, 'base64').toString('utf8')].reverse().join(''),
  };
}

export type TestApp = {
  app: App;
  dataDir: string;
  events: AppEvent[];
  loggedErrors: Array<{ error: unknown; channel: string }>;
};

/** The browser-host composition, with settings in `dataDir` and every emitted event recorded. */
export function createTestApp(dataDir: string, vault: PassphraseVault = unavailableVault): TestApp {
  const loggedErrors: TestApp['loggedErrors'] = [];
  const app = createApp({
    kind: 'browser',
    platform: process.platform,
    defaultDatabaseFolder: path.join(dataDir, 'databases'),
    settings: createFileSettingsStore(dataDir),
    vault,
    dialogs: null,
    logError: (error, channel) => loggedErrors.push({ error, channel }),
  });
  const events: AppEvent[] = [];
  app.events.subscribe((event) => events.push(event));
  return { app, dataDir, events, loggedErrors };
}

/** Calls a channel the way the renderer does and unwraps the envelope; a failure throws its AppError. */
export async function invoke<C extends Channel>(
  app: App,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await app.dispatch(channel, input);
  if (!result.ok) throw AppError.fromJSON(result.error);
  return result.value as ChannelOutput<C>;
}

/** Calls a channel that must fail with `code`; returns the error as sent over the wire. */
export async function invokeFailing(app: App, channel: Channel, input: unknown, code: string): Promise<AppErrorJson> {
  const result = await app.dispatch(channel, input);
  expect(result.ok, `${channel} should fail with ${code}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error;
}
