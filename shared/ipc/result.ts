import type { AppErrorJson } from '../errors';

/** The envelope every channel answers with: thrown errors lose their shape over IPC, data does not. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorJson };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: AppErrorJson): IpcResult<never> => ({ ok: false, error });
