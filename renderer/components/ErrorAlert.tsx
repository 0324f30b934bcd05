import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

type ErrorAlertProps = {
  /** The error to show; nothing is rendered when null. */
  error: unknown;
};

/** Shows a translated message for an error code from main. */
export function ErrorAlert({ error }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const message =
    error instanceof ApiError ? t(`errors.${error.code}`, { ...error.details }) : t('common.unknownError');
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="error-alert">
      {message}
    </Alert>
  );
}
