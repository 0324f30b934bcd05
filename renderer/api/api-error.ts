import type { AppErrorJson, ErrorCode } from '../../shared/errors';

/** An error answered by main, with a code the UI translates. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(json: AppErrorJson) {
    super(json.message);
    this.name = 'ApiError';
    this.code = json.code;
    this.details = json.details;
  }
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'Internal';
}

/** Why main refused (`details.reason`, e.g. 'taken'): such an error is shown at the field it concerns. */
export function errorReason(error: unknown): string | undefined {
  const reason = error instanceof ApiError ? error.details?.['reason'] : undefined;
  return typeof reason === 'string' ? reason : undefined;
}
