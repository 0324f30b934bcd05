import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';

export { errorText };

type ErrorAlertProps = {
  /** The error to show; nothing is rendered when null. */
  error: unknown;
};

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
