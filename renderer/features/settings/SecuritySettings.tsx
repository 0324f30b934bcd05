import { Button, Card, Divider, Group, Select, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChangePassphraseForm } from './ChangePassphraseForm';

const AUTO_LOCK_CHOICES = [0, 1, 5, 10, 15, 30, 60, 120];

export function SecuritySettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useChannelMutation('settings:update', ['settings:get']);
  const lock = useChannelMutation('database:lock', ['database:status']);
  // A value set elsewhere (CLI, older version) still shows up as a choice.
  const choices = [...new Set([...AUTO_LOCK_CHOICES, settings.autoLockMinutes])].sort((a, b) => a - b);
  return (
    <Card withBorder>
      <Title order={4} mb="md">
        {t('settings.security')}
      </Title>
      <Stack gap="md">
        <Group align="flex-end">
          <Select
            label={t('settings.autoLock')}
            description={t('settings.autoLockHint')}
            data={choices.map((minutes) => ({
              value: String(minutes),
              label: minutes === 0 ? t('settings.autoLockNever') : t('settings.autoLockMinutes', { count: minutes }),
            }))}
            value={String(settings.autoLockMinutes)}
            onChange={(value) => value !== null && update.mutate({ autoLockMinutes: Number(value) })}
            allowDeselect={false}
            w={320}
          />
          <Button variant="light" leftSection={<IconLock size={16} />} onClick={() => lock.mutate({})}>
            {t('settings.lockNow')}
          </Button>
        </Group>
        <ErrorAlert error={update.error ?? lock.error} />
        <Divider />
        <ChangePassphraseForm />
      </Stack>
    </Card>
  );
}
