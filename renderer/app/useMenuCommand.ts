import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/ipc/events';
import { onEvent } from '../api/client';

/** Runs `handler` for each command chosen in the native menu (Electron only; never fires in a browser). */
export function useMenuCommand(handler: (command: MenuCommand) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => onEvent('menu:command', ({ command }) => latest.current(command)), []);
}
