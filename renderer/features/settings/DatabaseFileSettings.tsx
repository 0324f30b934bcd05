import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { call } from '../../api/client';
import { useAppInfo, useChannelMutation, useDatabaseInfo, useResetAfterDatabaseChange } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePathInput } from '../../components/FilePathInput';
import { formatBytes, formatNumber } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { BackupButton } from '../overview/BackupButton';

export function DatabaseFileSettings({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const info = useDatabaseInfo();
  const appInfo = useAppInfo();
  const reset = useResetAfterDatabaseChange();
  const update = useChannelMutation('settings:update', ['settings:get']);
  const close = useChannelMutation('database:close');
  const [backupFolder, setBackupFolder] = useState(settings.backupFolder ?? '');

  function saveBackupFolder(folder: string) {
    update.mutate(
      { backupFolder: folder.trim() === '' ? null : folder.trim() },
      { onSuccess: () => notifications.show({ message: t('settings.database.backupFolderSaved'), color: 'teal' }) },
    );
  }

  async function chooseFolder() {
    const picked = await call('dialogs:chooseFolder', {});
    if (picked.path) {
      setBackupFolder(picked.path);
      saveBackupFolder(picked.path);
    }
  }

  return (
    <Card withBorder>
      <Title order={4} mb="md">
        {t('settings.database.title')}
      </Title>
      <Stack gap="md">
        <QueryState query={info}>
          {(data) => (
            <Table variant="vertical" layout="fixed" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>{t('settings.database.path')}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }} data-testid="database-path">
                    {data.path}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('settings.database.size')}</Table.Th>
                  <Table.Td>{formatBytes(data.sizeBytes, i18n.language)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('settings.database.schema')}</Table.Th>
                  <Table.Td>
                    {t('settings.database.schemaValue', {
                      version: data.schemaVersion,
                      latest: data.latestSchemaVersion,
                    })}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('settings.database.encryption')}</Table.Th>
                  <Table.Td>
                    {t('settings.database.encryptionValue', {
                      iterations: formatNumber(data.cipher.kdfIterations, i18n.language),
                    })}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('settings.database.journal')}</Table.Th>
                  <Table.Td>
                    {data.journalMode === 'delete' ? t('settings.database.journalRollback') : data.journalMode}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
        <Group align="flex-end" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <FilePathInput
              label={t('settings.database.backupFolder')}
              name="backup-folder"
              description={t('settings.database.backupFolderDefault')}
              value={backupFolder}
              onChange={setBackupFolder}
              onChoose={appInfo.data?.nativeDialogs ? chooseFolder : undefined}
            />
          </div>
          {!appInfo.data?.nativeDialogs && (
            <Button variant="default" onClick={() => saveBackupFolder(backupFolder)} loading={update.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={update.error} />
        <Group justify="space-between">
          <BackupButton />
          <Stack gap={0} align="flex-end">
            <Button color="red" variant="subtle" onClick={() => close.mutate({}, { onSuccess: () => void reset() })}>
              {t('settings.database.close')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('settings.database.closeHint')}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </Card>
  );
}
