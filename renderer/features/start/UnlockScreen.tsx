import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconClockPause, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from '../../../shared/domain/database';
import { useChannelMutation, useResetAfterDatabaseChange } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StartLayout } from './StartLayout';

type UnlockScreenProps = {
  status: Extract<DatabaseStatus, { state: 'locked' }>;
  lockReason: 'user' | 'idle' | null;
  onUnlocked: () => void;
};

/** Asks for the passphrase of the database that was locked. */
export function UnlockScreen({ status, lockReason, onUnlocked }: UnlockScreenProps) {
  const { t } = useTranslation();
  const reset = useResetAfterDatabaseChange();
  const unlock = useChannelMutation('database:unlock');
  const unlockRemembered = useChannelMutation('database:unlockRemembered');
  const close = useChannelMutation('database:close');
  const [passphrase, setPassphrase] = useState('');
  const opened = () => {
    onUnlocked();
    void reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase === '') return;
    unlock.mutate({ path: status.path, passphrase }, { onSuccess: opened });
  }

  return (
    <StartLayout width={520}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconLock size={28} stroke={1.6} />
            <Title order={2}>{t('unlock.title')}</Title>
          </Group>
          <Text>{t('unlock.subtitle', { name: status.name })}</Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {status.path}
          </Text>
          {lockReason === 'idle' && (
            <Alert color="blue" icon={<IconClockPause size={18} />}>
              {t('unlock.idleNotice')}
            </Alert>
          )}
          <PasswordInput
            label={t('unlock.passphrase')}
            name="unlock-passphrase"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            autoComplete="current-password"
            autoFocus
          />
          <ErrorAlert error={unlock.error ?? unlockRemembered.error} />
          <Button type="submit" loading={unlock.isPending} disabled={passphrase === ''}>
            {t('unlock.submit')}
          </Button>
          {status.remembered && (
            <Button
              variant="light"
              loading={unlockRemembered.isPending}
              onClick={() => unlockRemembered.mutate({ path: status.path }, { onSuccess: opened })}
            >
              {t('unlock.remembered')}
            </Button>
          )}
          <Button variant="subtle" onClick={() => close.mutate({}, { onSuccess: () => void reset() })}>
            {t('unlock.other')}
          </Button>
        </Stack>
      </form>
    </StartLayout>
  );
}
