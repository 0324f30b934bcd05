import type { BridgeApi } from '../../shared/ipc/api';
import type { Channel, EventName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { EventPayload } from '../../shared/ipc/events';
import { ApiError } from './api-error';
import { browserHostBridge } from './browser-host-bridge';
import { electronBridge } from './electron-bridge';

/** Electron's preload when present, otherwise the browser host: the rest of the UI can't tell. */
const bridge: BridgeApi = window.kartoteka ? electronBridge(window.kartoteka) : browserHostBridge();

/** Calls a channel and unwraps the envelope: resolves with the value or throws ApiError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await bridge.invoke(channel, input);
  } catch {
    throw new ApiError({ code: 'Internal', message: 'The app did not answer' });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener);
}
