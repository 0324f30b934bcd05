import { SimpleGrid, Stack, Tabs, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetAfterDatabaseChange, useSettings } from '../../api/queries';
import { CreateDatabaseForm } from './CreateDatabaseForm';
import { OpenDatabaseForm } from './OpenDatabaseForm';
import { RecentDatabases } from './RecentDatabases';
import { StartLayout } from './StartLayout';

export type StartTab = 'create' | 'open';

/** Shown when no database is open: recent files, create, open. */
export function StartScreen({ requestedTab }: { requestedTab: StartTab | null }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const reset = useResetAfterDatabaseChange();
  const recent = settings.data?.recentDatabases ?? [];
  const [tab, setTab] = useState<StartTab>(requestedTab ?? (recent.length > 0 ? 'open' : 'create'));
  const [openPath, setOpenPath] = useState<string | null>(null);
  const selectedPath = openPath ?? recent[0]?.path ?? '';
  // Whatever database opens next starts on its overview: the page the last one left open (a
  // record's) means nothing there, or shows an unrelated record under the same id.
  useEffect(() => {
    if (window.location.hash !== '')
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, []);

  return (
    <StartLayout>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap="sm">
          <Title order={3}>{t('start.recent.title')}</Title>
          <RecentDatabases
            entries={recent}
            selectedPath={tab === 'open' ? selectedPath : null}
            onSelect={(path) => {
              setOpenPath(path);
              setTab('open');
            }}
          />
        </Stack>
        <Tabs value={tab} onChange={(value) => setTab(value === 'open' ? 'open' : 'create')} keepMounted={false}>
          <Tabs.List grow mb="md">
            <Tabs.Tab value="create">{t('start.create.tab')}</Tabs.Tab>
            <Tabs.Tab value="open">{t('start.open.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="create">
            <CreateDatabaseForm onOpened={reset} />
          </Tabs.Panel>
          <Tabs.Panel value="open">
            {/* Keyed by path so picking another recent file starts a fresh form. */}
            <OpenDatabaseForm key={selectedPath} initialPath={selectedPath} onOpened={reset} />
          </Tabs.Panel>
        </Tabs>
      </SimpleGrid>
    </StartLayout>
  );
}
