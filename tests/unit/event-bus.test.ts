import { describe, expect, it, vi } from 'vitest';
import { EventBus, type EventListener } from '../../main/ipc/event-bus';
import type { EventPayload } from '../../shared/ipc/events';

describe('EventBus', () => {
  it('delivers an event to every subscriber', () => {
    const bus = new EventBus();
    const first = vi.fn<EventListener>();
    const second = vi.fn<EventListener>();
    bus.subscribe(first);
    bus.subscribe(second);
    bus.emit('database:locked', { reason: 'idle' });
    expect(first).toHaveBeenCalledExactlyOnceWith({ name: 'database:locked', payload: { reason: 'idle' } });
    expect(second).toHaveBeenCalledExactlyOnceWith({ name: 'database:locked', payload: { reason: 'idle' } });
  });

  it('stops delivering after unsubscribe, to that listener only', () => {
    const bus = new EventBus();
    const kept = vi.fn<EventListener>();
    const dropped = vi.fn<EventListener>();
    bus.subscribe(kept);
    const unsubscribe = bus.subscribe(dropped);
    bus.emit('data:changed', { entities: ['contacts'] });
    unsubscribe();
    bus.emit('data:changed', { entities: ['deals'] });
    expect(dropped).toHaveBeenCalledOnce();
    expect(kept).toHaveBeenCalledTimes(2);
    expect(kept).toHaveBeenLastCalledWith({ name: 'data:changed', payload: { entities: ['deals'] } });
  });

  it('emits with no subscribers without failing', () => {
    expect(() => new EventBus().emit('menu:command', { command: 'lock' })).not.toThrow();
  });

  it('throws on an invalid payload and delivers nothing', () => {
    const bus = new EventBus();
    const listener = vi.fn<EventListener>();
    bus.subscribe(listener);
    expect(() =>
      bus.emit('database:locked', { reason: 'bored' } as unknown as EventPayload<'database:locked'>),
    ).toThrow();
    expect(() => bus.emit('task:progress', { taskId: 't', phase: 'import', done: -1, total: null })).toThrow();
    expect(() => bus.emit('data:changed', {} as unknown as EventPayload<'data:changed'>)).toThrow();
    expect(listener).not.toHaveBeenCalled();
  });

  it('delivers the validated payload, without unknown fields', () => {
    const bus = new EventBus();
    const listener = vi.fn<EventListener>();
    bus.subscribe(listener);
    const payload = { taskId: 't1', phase: 'import', done: 3, total: 10, secret: 'x' } as EventPayload<'task:progress'>;
    bus.emit('task:progress', payload);
    expect(listener).toHaveBeenCalledExactlyOnceWith({
      name: 'task:progress',
      payload: { taskId: 't1', phase: 'import', done: 3, total: 10 },
    });
  });
});
