import type { EventName } from '../../shared/ipc/channels';
import { events, type AppEvent, type EventPayload } from '../../shared/ipc/events';

export type EventListener = (event: AppEvent) => void;

/** Main-to-renderer events; the Electron glue and the browser host each subscribe once. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const valid = events[name].parse(payload) as EventPayload<E>;
    const event = { name, payload: valid } as AppEvent;
    for (const listener of this.#listeners) listener(event);
  }
}
