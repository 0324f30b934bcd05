import { screen, type BrowserWindow } from 'electron';
import type { WindowBounds } from '../../shared/domain/settings';
import type { SettingsStore } from '../settings/settings-store';

const DEFAULT_SIZE = { width: 1280, height: 820 };

/** Saved bounds, if they are still on a connected screen (a laptop may have left its monitor). */
export function restoredBounds(settings: SettingsStore): Partial<WindowBounds> & typeof DEFAULT_SIZE {
  const saved = settings.read().windowBounds;
  if (!saved) return DEFAULT_SIZE;
  const visible = screen
    .getAllDisplays()
    .some(
      ({ workArea }) =>
        saved.x < workArea.x + workArea.width &&
        saved.x + saved.width > workArea.x &&
        saved.y < workArea.y + workArea.height &&
        saved.y + saved.height > workArea.y,
    );
  return visible ? saved : { ...DEFAULT_SIZE, maximized: saved.maximized };
}

export function rememberWindowState(window: BrowserWindow, settings: SettingsStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.isMaximized() ? window.getNormalBounds() : window.getBounds();
    settings.update({ windowBounds: { ...bounds, maximized: window.isMaximized() } });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
