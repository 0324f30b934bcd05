import { ActionIcon, AppShell, Group, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo, useChannelMutation } from '../api/queries';
import { OverviewPage } from '../features/overview/OverviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { pages, type PageId } from './navigation';
import { useMenuCommand } from './useMenuCommand';

/** The frame around every screen once a database is open: header, navigation, content. */
export function AppShellLayout({ databaseName }: { databaseName: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<PageId>('overview');
  const appInfo = useAppInfo();
  const lock = useChannelMutation('database:lock', ['database:status']);

  useMenuCommand((command) => {
    if (command === 'settings') setPage('settings');
  });

  // Electron's menu owns the shortcut there; in a browser the page must listen itself.
  useHotkeys(appInfo.data?.host === 'browser' ? [['mod+L', () => lock.mutate({})]] : []);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={4} c="indigo">
              {t('app.title')}
            </Title>
            <Text c="dimmed" size="sm" truncate="end" data-testid="database-name" title={databaseName}>
              {databaseName}
            </Text>
          </Group>
          <Tooltip label={t('shell.lockHint')}>
            <ActionIcon
              variant="light"
              size="lg"
              aria-label={t('shell.lock')}
              onClick={() => lock.mutate({})}
              loading={lock.isPending}
            >
              <IconLock size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {pages.map((entry) => (
          <NavLink
            key={entry.id}
            label={t(entry.labelKey)}
            leftSection={<entry.icon size={18} />}
            active={page === entry.id}
            onClick={() => setPage(entry.id)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{page === 'overview' ? <OverviewPage /> : <SettingsPage />}</AppShell.Main>
    </AppShell>
  );
}
