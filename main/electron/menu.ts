import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from '../../shared/constants';
import type { Language } from '../../shared/domain/settings';
import type { MenuCommand } from '../../shared/ipc/events';

const labels = {
  ru: {
    file: 'Файл',
    newDatabase: 'Новая база…',
    openDatabase: 'Открыть базу…',
    lock: 'Заблокировать',
    settings: 'Настройки…',
    quit: 'Выход',
    edit: 'Правка',
    view: 'Вид',
    window: 'Окно',
    help: 'Справка',
    about: `О программе ${APP_NAME}`,
  },
  en: {
    file: 'File',
    newDatabase: 'New Database…',
    openDatabase: 'Open Database…',
    lock: 'Lock',
    settings: 'Settings…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: `About ${APP_NAME}`,
  },
} satisfies Record<Language, Record<string, string>>;

export type MenuActions = {
  command: (command: MenuCommand) => void;
  lock: () => void;
};

/** Native menus with the usual shortcuts, in the UI language. Dev tools only in development. */
export function buildApplicationMenu(language: Language, actions: MenuActions): Menu {
  const l = labels[language];
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        { label: l.newDatabase, accelerator: 'CmdOrCtrl+N', click: () => actions.command('newDatabase') },
        { label: l.openDatabase, accelerator: 'CmdOrCtrl+O', click: () => actions.command('openDatabase') },
        { type: 'separator' },
        { label: l.lock, accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { label: l.settings, accelerator: 'CmdOrCtrl+,', click: () => actions.command('settings') },
        ...(isMac ? [] : [{ type: 'separator' as const }, { label: l.quit, role: 'quit' as const }]),
      ],
    },
    { label: l.edit, role: 'editMenu' },
    {
      label: l.view,
      submenu: [
        ...(app.isPackaged
          ? []
          : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: l.window, role: 'windowMenu' },
    {
      label: l.help,
      submenu: [
        {
          label: l.about,
          click: () =>
            void dialog.showMessageBox({ type: 'info', title: l.about, message: `${APP_NAME} ${app.getVersion()}` }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
