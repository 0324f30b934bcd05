import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { channels, type Channel } from '../../shared/ipc/channels';
import { fail } from '../../shared/ipc/result';
import type { App } from '../app-context';
import type { PathGrants } from '../ipc/path-grants';
import { isAppUrl } from './renderer-protocol';

/** Only our own top-level page may call main: not iframes, not a page navigated elsewhere. */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** One ipcMain handler per contract channel, all going through the shared dispatcher. */
export function registerIpc(app: App, grants: PathGrants, afterCall: (channel: Channel) => void): void {
  for (const channel of channels) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return fail(new AppError('Unauthorized', 'Calls are accepted from the app window only').toJSON());
      }
      const refusal = grants.refusal(channel, input);
      if (refusal) return fail(refusal.toJSON());
      const result = await app.dispatch(channel, input);
      if (result.ok) afterCall(channel);
      return result;
    });
  }
}

/** Forwards the contract's events to the window. */
export function forwardEvents(app: App, getWindow: () => BrowserWindow | null): () => void {
  return app.events.subscribe((event) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  });
}
