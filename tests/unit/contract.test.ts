import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, eventNames, isChannel, isEventName } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { events } from '../../shared/ipc/events';

const CHANNEL_NAME = /^[a-z][a-zA-Z]*:[a-z][a-zA-Z0-9]*$/;

function duplicates(names: readonly string[]): string[] {
  return names.filter((name, index) => names.indexOf(name) !== index);
}

describe('IPC contract', () => {
  it('has an input and an output schema for every channel', () => {
    for (const channel of channels) {
      const entry = (contract as Record<string, { input?: unknown; output?: unknown } | undefined>)[channel];
      expect(entry, channel).toBeDefined();
      expect(entry?.input, `${channel} input`).toBeInstanceOf(z.ZodType);
      expect(entry?.output, `${channel} output`).toBeInstanceOf(z.ZodType);
    }
  });

  it('has no schema for a channel that is not listed', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
    for (const key of Object.keys(contract)) expect(isChannel(key), key).toBe(true);
  });

  it('gives each contract entry exactly the keys input and output', () => {
    for (const [channel, entry] of Object.entries(contract)) {
      expect(Object.keys(entry).sort(), channel).toEqual(['input', 'output']);
    }
  });

  it('has a payload schema for every event and none for an unlisted event', () => {
    for (const name of eventNames) expect((events as Record<string, unknown>)[name], name).toBeInstanceOf(z.ZodType);
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
    for (const key of Object.keys(events)) expect(isEventName(key), key).toBe(true);
  });

  it('names channels and events domain:verb (camelCase both)', () => {
    for (const name of [...channels, ...eventNames]) expect(name, name).toMatch(CHANNEL_NAME);
    expect(isChannel('Database:status')).toBe(false);
    expect(isChannel('database:Status')).toBe(false);
  });

  it('lists no name twice', () => {
    expect(duplicates(channels)).toEqual([]);
    expect(duplicates(eventNames)).toEqual([]);
  });

  it('rejects unknown names in the guards', () => {
    expect(isChannel('database:drop')).toBe(false);
    expect(isChannel('')).toBe(false);
    expect(isEventName('database:status')).toBe(false);
    expect(isEventName('toString')).toBe(false);
  });

  it('takes no input fields on channels whose input is empty', () => {
    const emptyInput = channels.filter((channel) => contract[channel].input.safeParse({}).success);
    expect(emptyInput).toContain('app:info');
    expect(contract['app:info'].input.safeParse({ extra: 1 }).success).toBe(false);
    expect(contract['database:lock'].input.safeParse({ reason: 'user' }).success).toBe(false);
  });
});
