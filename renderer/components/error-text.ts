import type { TFunction } from 'i18next';
import { ApiError, errorReason } from '../api/api-error';

/** The translated message for an error from main (its code), or the generic one for anything else. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.unknownError');
  // A reason with its own message says more than the code's.
  const reason = errorReason(error);
  const keys = reason === undefined ? `errors.${error.code}` : [`errors.reasons.${reason}`, `errors.${error.code}`];
  return t(keys, { ...error.details });
}
