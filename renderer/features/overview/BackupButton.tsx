import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Writes a dated, encrypted copy of the open database into the backup folder. */
export function BackupButton() {
  const { t } = useTranslation();
  const backup = useChannelMutation('database:backup');
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconDatabaseExport size={18} />}
        loading={backup.isPending}
        onClick={() =>
          backup.mutate(
            {},
            {
              onSuccess: (result) =>
                notifications.show({ title: t('overview.backupDone'), message: result.path, color: 'teal' }),
            },
          )
        }
      >
        {t('overview.backupNow')}
      </Button>
      <ErrorAlert error={backup.error} />
    </>
  );
}
