import type { Channel, EventName } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import type { EventPayload } from './events';
import type { IpcResult } from './result';

/**
 * What both transports give the renderer: the Electron preload (`window.kartoteka`)
 * and the browser host's HTTP client. One method per channel, derived from the contract.
 */
export type BridgeApi = {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The raw shape the preload exposes: named functions only, one per channel. */
export type PreloadBridge = {
  readonly channels: { readonly [C in Channel]: (input: unknown) => Promise<unknown> };
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};
