import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from '../../main/services/idle-lock';

const MINUTE = 60_000;

function setup(initial: { minutes?: number; open?: boolean } = {}) {
  const state = { time: 1_000_000, minutes: initial.minutes ?? 5, open: initial.open ?? true };
  const lock = vi.fn(async () => {
    state.open = false;
  });
  const idleLock = new IdleLock({
    minutes: () => state.minutes,
    isOpen: () => state.open,
    lock,
    now: () => state.time,
  });
  const advance = (ms: number) => {
    state.time += ms;
  };
  return { state, lock, idleLock, advance };
}

describe('IdleLock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not lock before the configured minutes have passed', async () => {
    const { idleLock, lock, advance } = setup({ minutes: 5 });
    expect(await idleLock.check()).toBe(false);
    advance(5 * MINUTE - 1);
    expect(await idleLock.check()).toBe(false);
    expect(lock).not.toHaveBeenCalled();
  });

  it('locks once the configured minutes have passed', async () => {
    const { idleLock, lock, advance } = setup({ minutes: 5 });
    advance(5 * MINUTE);
    expect(await idleLock.check()).toBe(true);
    expect(lock).toHaveBeenCalledOnce();
  });

  it('does not lock again once the database is no longer open', async () => {
    const { idleLock, lock, advance } = setup({ minutes: 1 });
    advance(2 * MINUTE);
    expect(await idleLock.check()).toBe(true);
    expect(await idleLock.check()).toBe(false);
    expect(lock).toHaveBeenCalledOnce();
  });

  it('restarts the countdown on touch()', async () => {
    const { idleLock, lock, advance } = setup({ minutes: 5 });
    advance(4 * MINUTE);
    idleLock.touch();
    advance(4 * MINUTE);
    expect(await idleLock.check()).toBe(false);
    advance(MINUTE);
    expect(await idleLock.check()).toBe(true);
    expect(lock).toHaveBeenCalledOnce();
  });

  it('never locks when minutes is 0', async () => {
    const { idleLock, lock, advance } = setup({ minutes: 0 });
    advance(365 * 24 * 60 * MINUTE);
    expect(await idleLock.check()).toBe(false);
    expect(lock).not.toHaveBeenCalled();
  });

  it('does not lock a database that is not open', async () => {
    const { idleLock, lock, advance } = setup({ minutes: 1, open: false });
    advance(10 * MINUTE);
    expect(await idleLock.check()).toBe(false);
    expect(lock).not.toHaveBeenCalled();
  });

  it('reads the minutes on every check, so a settings change applies at once', async () => {
    const { idleLock, lock, advance, state } = setup({ minutes: 30 });
    advance(10 * MINUTE);
    expect(await idleLock.check()).toBe(false);
    state.minutes = 5;
    expect(await idleLock.check()).toBe(true);
    expect(lock).toHaveBeenCalledOnce();
  });

  it('uses Date.now() when no clock is given', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-01-01T12:00:00Z') });
    const lock = vi.fn(async () => undefined);
    const idleLock = new IdleLock({ minutes: () => 1, isOpen: () => true, lock });
    vi.setSystemTime(new Date('2025-01-01T12:00:59Z'));
    expect(await idleLock.check()).toBe(false);
    vi.setSystemTime(new Date('2025-01-01T12:01:00Z'));
    expect(await idleLock.check()).toBe(true);
    expect(lock).toHaveBeenCalledOnce();
  });

  it('checks on its own timer after start() and stops after stop()', async () => {
    vi.useFakeTimers();
    const lock = vi.fn(async () => undefined);
    const idleLock = new IdleLock({ minutes: () => 1, isOpen: () => true, lock, checkEveryMs: 1_000 });
    idleLock.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(lock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lock).toHaveBeenCalledOnce();
    idleLock.stop();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(lock).toHaveBeenCalledOnce();
  });
});
