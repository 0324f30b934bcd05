import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

type ErrorAlertProps = {
  /** The error to show; nothing is rendered when null. */
  error: unknown;
};

/** The translated message for an error from main (its code), or the generic one for anything else. */
export function errorText(t: TFunction, error: unknown): string {
  return error instanceof ApiError ? t(`errors.${error.code}`, { ...error.details }) : t('common.unknownError');
}

/** Shows a translated message for an error code from main. */
export function ErrorAlert({ error }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const message = errorText(t, error);
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="error-alert">
      {message}
    </Alert>
  );
}
