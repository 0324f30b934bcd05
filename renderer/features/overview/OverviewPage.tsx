import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconFileImport, IconPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useChannelQuery, useDatabaseInfo } from '../../api/queries';
import { formatBytes, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ALL_LIVE } from '../records/whole-list';
import { BackupButton } from './BackupButton';
import { ExportDatabaseButton } from './ExportDatabaseButton';
import { LastImportCard } from './LastImportCard';
import { RecordCountCard } from './RecordCountCard';

/**
 * The home screen: what the client base holds, the ways in (new record, import), the last import,
 * the file, a one-click backup and an export of everything. Every figure here is an index count:
 * the screen opens at once on a base of a million people.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Stack gap="lg" maw={900}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RecordCountCard channel="people:count" label={t('nav.people')} icon={IconUsers} path="/people" />
          <RecordCountCard channel="companies:count" label={t('nav.companies')} icon={IconBuilding} path="/companies" />
        </SimpleGrid>
        <StartActions />
        <LastImportCard />
        <DatabaseFileCard />
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('overview.backupTitle')}
          </Title>
          <Group>
            <BackupButton />
          </Group>
        </Card>
      </Stack>
    </>
  );
}

/** New records and imports; in an empty base, a welcome that says where to begin. */
function StartActions() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const people = useChannelQuery('people:count', ALL_LIVE);
  const companies = useChannelQuery('companies:count', ALL_LIVE);
  const empty = people.data?.count === 0 && companies.data?.count === 0;
  const buttons = (
    <Group>
      <Button leftSection={<IconPlus size={18} />} onClick={() => navigate('/people/new')}>
        {t('people.new')}
      </Button>
      <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => navigate('/companies/new')}>
        {t('companies.new')}
      </Button>
      <Button variant="light" leftSection={<IconFileImport size={18} />} onClick={() => navigate('/import')}>
        {t('overview.importFromExcel')}
      </Button>
    </Group>
  );
  if (!empty) return buttons;
  return (
    <Card withBorder data-testid="overview-empty">
      <Title order={4} mb={4}>
        {t('overview.emptyTitle')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('overview.emptyText')}
      </Text>
      {buttons}
    </Card>
  );
}

/** When the file was made, how big it is, and the export of everything in it. */
function DatabaseFileCard() {
  const { t, i18n } = useTranslation();
  const info = useDatabaseInfo();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('overview.fileTitle')}
      </Title>
      <QueryState query={info}>
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <Text size="sm" c="dimmed">
                  {t('overview.created')}
                </Text>
                <Text fw={600}>{formatDateTime(data.createdAt, i18n.language)}</Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  {t('overview.size')}
                </Text>
                <Text fw={600}>{formatBytes(data.sizeBytes, i18n.language)}</Text>
              </div>
            </SimpleGrid>
            <div>
              <Text fw={600}>{t('export.database.title')}</Text>
              <Text size="sm" c="dimmed" mb="sm">
                {t('export.database.hint')}
              </Text>
              <ExportDatabaseButton databaseName={data.name} />
            </div>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
