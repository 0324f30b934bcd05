/**
 * Exposes `window.kartoteka`: one named function per contract channel and a typed event
 * subscription. Built from the channel list, so nothing is listed by hand and raw ipcRenderer
 * never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../shared/constants';
import { channels, isEventName, type EventName } from '../shared/ipc/channels';
import type { PreloadBridge } from '../shared/ipc/api';

const bridge: PreloadBridge = {
  channels: Object.fromEntries(
    channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + channel, input)]),
  ) as PreloadBridge['channels'],
  on(event: EventName, listener: (payload: unknown) => void) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const handler = (_: IpcRendererEvent, message: { name: string; payload: unknown }) => {
      if (message.name === event) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('kartoteka', bridge);
