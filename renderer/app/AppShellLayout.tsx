import { ActionIcon, AppShell, Group, Loader, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Router, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useAppInfo, useChannelMutation } from '../api/queries';
import { ImportWizardProvider, useImportWizard } from '../features/import/ImportWizardProvider';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { AppRoutes } from './AppRoutes';
import { isSectionActive, sections } from './navigation';
import { useMenuCommand } from './useMenuCommand';

/** The frame around every screen once a database is open: header, navigation, content. */
export function AppShellLayout({ databaseName }: { databaseName: string }) {
  return (
    <Router hook={useHashLocation}>
      <ImportWizardProvider>
        <Shell databaseName={databaseName} />
      </ImportWizardProvider>
    </Router>
  );
}

/** A spinner on «Import» while an import writes: the user may be on another screen meanwhile. */
function ImportRunningMark() {
  const { t } = useTranslation();
  const { state } = useImportWizard();
  if (!state.running) return null;
  return <Loader size={14} aria-label={t('importWizard.run.runningElsewhere')} data-testid="import-running-mark" />;
}

function Shell({ databaseName }: { databaseName: string }) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const appInfo = useAppInfo();
  const lock = useChannelMutation('database:lock', ['database:status']);

  useMenuCommand((command) => {
    if (command === 'settings') navigate('/settings');
  });
  // Electron's menu owns the shortcut there; in a browser the page must listen itself.
  useHotkeys(appInfo.data?.host === 'browser' ? [['mod+L', () => lock.mutate({})]] : []);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Title order={4} c="indigo">
              {t('app.title')}
            </Title>
            <Text c="dimmed" size="sm" truncate="end" data-testid="database-name" title={databaseName}>
              {databaseName}
            </Text>
          </Group>
          <GlobalSearch />
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
        {sections.map((section) => (
          <NavLink
            key={section.path}
            href={`#${section.path}`}
            label={t(section.labelKey)}
            leftSection={<section.icon size={18} />}
            active={isSectionActive(section.path, location)}
            rightSection={section.path === '/import' ? <ImportRunningMark /> : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(section.path);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100dvh', overflow: 'auto' }}>
        <AppRoutes />
      </AppShell.Main>
    </AppShell>
  );
}
