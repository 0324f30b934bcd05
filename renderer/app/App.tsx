import { Center, Loader } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api/client';
import { useDatabaseStatus, useResetAfterDatabaseChange } from '../api/queries';
import { ErrorAlert } from '../components/ErrorAlert';
import { StartScreen, type StartTab } from '../features/start/StartScreen';
import { UnlockScreen } from '../features/start/UnlockScreen';
import { AppShellLayout } from './AppShellLayout';
import { useActivityReporter } from './useActivityReporter';
import { useAppEvents } from './useAppEvents';
import { useMenuCommand } from './useMenuCommand';

/** Chooses the screen from the database state main reports: start, unlock, or the app itself. */
export function App() {
  const status = useDatabaseStatus();
  const reset = useResetAfterDatabaseChange();
  const { lockReason, clearLockReason } = useAppEvents();
  const [startRequest, setStartRequest] = useState<{ tab: StartTab; at: number } | null>(null);
  useActivityReporter(status.data?.state === 'open');

  // "New/Open database" from the menu leaves the open database for the start screen.
  useMenuCommand((command) => {
    if (command !== 'newDatabase' && command !== 'openDatabase') return;
    setStartRequest({ tab: command === 'newDatabase' ? 'create' : 'open', at: Date.now() });
    if (status.data?.state !== 'closed') void call('database:close', {}).then(reset);
  });

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="loading" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center h="100vh" p="xl">
        <ErrorAlert error={status.error} />
      </Center>
    );
  }
  const current = status.data;
  if (current.state === 'open') return <AppShellLayout databaseName={current.name} />;
  if (current.state === 'locked') {
    return <UnlockScreen status={current} lockReason={lockReason} onUnlocked={clearLockReason} />;
  }
  return <StartScreen key={startRequest?.at} requestedTab={startRequest?.tab ?? null} />;
}
