import type { BridgeApi, PreloadBridge } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    kartoteka?: PreloadBridge;
  }
}

/** Adapts the preload's named functions to the typed bridge. */
export function electronBridge(preload: PreloadBridge): BridgeApi {
  return {
    invoke: (channel, input) => preload.channels[channel](input) as never,
    on: (event, listener) => preload.on(event, listener as (payload: unknown) => void),
  };
}
