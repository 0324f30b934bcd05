import type { BridgeApi } from '../../shared/ipc/api';
import { isEventName, type EventName } from '../../shared/ipc/channels';

const TOKEN_KEY = 'kartoteka.hostToken';

/**
 * The browser host gives its per-launch token in the URL fragment; keep it for this tab only
 * and take it out of the address bar.
 */
function takeToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Calls the same handler registry over HTTP, and receives events over server-sent events. */
export function browserHostBridge(): BridgeApi {
  const token = takeToken();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function connectEvents(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('app', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { name: string; payload: unknown };
      if (!isEventName(event.name)) return;
      for (const listener of listeners.get(event.name) ?? []) listener(event.payload);
    });
  }

  return {
    invoke: async (channel, input) => {
      const response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kartoteka-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as never;
    },
    on: (event, listener) => {
      connectEvents();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
