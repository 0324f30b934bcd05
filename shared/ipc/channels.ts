/**
 * The names of every request channel and event, listed once. This file has no
 * imports so the sandboxed preload can bundle it without zod; `contract.ts` and
 * `events.ts` are typed against these lists, so a name without a schema (or a
 * schema without a name) fails typecheck.
 */
export const channels = [
  'app:info',
  'app:reportActivity',
  'settings:get',
  'settings:update',
  'settings:forgetRecent',
  'database:status',
  'database:create',
  'database:unlock',
  'database:unlockRemembered',
  'database:lock',
  'database:close',
  'database:info',
  'database:changePassphrase',
  'database:backup',
  'dialogs:chooseNewDatabasePath',
  'dialogs:chooseExistingDatabase',
  'dialogs:chooseFolder',
  'dialogs:chooseImportFile',
  'dialogs:chooseExportPath',
  'people:list',
  'people:count',
  'people:get',
  'people:create',
  'people:update',
  'people:trash',
  'people:restore',
  'people:bulk',
  'people:exportData',
  'people:erase',
  'people:merge',
  'people:unmerge',
  'people:merges',
  'duplicates:find',
  'duplicates:mergeExact',
  'companies:list',
  'companies:count',
  'companies:get',
  'companies:create',
  'companies:update',
  'companies:trash',
  'companies:restore',
  'companies:bulk',
  'companies:merge',
  'companies:unmerge',
  'companies:merges',
  'activities:log',
  'activities:update',
  'activities:delete',
  'activities:timeline',
  'search:query',
  'views:list',
  'views:counts',
  'views:create',
  'views:update',
  'views:delete',
  'users:list',
  'users:create',
  'tags:list',
  'customFields:list',
  'customFields:create',
  'customFields:update',
  'customFields:archive',
  'customFields:viewsUsing',
  'import:open',
  'import:dryRun',
  'import:rows',
  'import:run',
  'import:cancel',
  'import:saveSkipped',
  'import:close',
  'import:history',
  'import:undo',
  'import:saveTemplate',
  'import:suggest',
  'export:records',
  'export:database',
] as const;
export type Channel = (typeof channels)[number];

export const eventNames = ['database:locked', 'data:changed', 'task:progress', 'menu:command'] as const;
export type EventName = (typeof eventNames)[number];

export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}

export function isEventName(value: string): value is EventName {
  return (eventNames as readonly string[]).includes(value);
}
