export const APP_NAME = 'Kartoteka';
/** File extension of a Kartoteka database; any SQLCipher tool opens it as well. */
export const DATABASE_EXTENSION = '.kartoteka';
export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_RECENT_DATABASES = 10;
/** Prefix for IPC channel names on the wire, so nothing else on ipcMain can collide. */
export const IPC_PREFIX = 'kartoteka:';
export const IPC_EVENT_CHANNEL = 'kartoteka:event';
/** The renderer reports user activity at most this often; main decides when to lock. */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;
