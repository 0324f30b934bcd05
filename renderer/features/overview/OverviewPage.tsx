import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDatabaseInfo } from '../../api/queries';
import { formatBytes, formatDateTime, formatNumber } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { BackupButton } from './BackupButton';
import { ExportDatabaseButton } from './ExportDatabaseButton';

/** The home screen: what is in the open database, a one-click backup and an export of everything. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const info = useDatabaseInfo();
  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <QueryState query={info}>
        {(data) => (
          <Stack gap="lg" maw={900}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Card withBorder>
                <Text size="sm" c="dimmed">
                  {t('overview.created')}
                </Text>
                <Text fw={600}>{formatDateTime(data.createdAt, i18n.language)}</Text>
              </Card>
              <Card withBorder>
                <Text size="sm" c="dimmed">
                  {t('overview.size')}
                </Text>
                <Text fw={600}>{formatBytes(data.sizeBytes, i18n.language)}</Text>
              </Card>
            </SimpleGrid>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('overview.tables')}
              </Title>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('overview.table')}</Table.Th>
                    <Table.Th ta="right">{t('overview.rows')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.tables.map((table) => (
                    <Table.Tr key={table.name}>
                      <Table.Td>{t(`overview.tableNames.${table.name}`, { defaultValue: table.name })}</Table.Td>
                      <Table.Td ta="right">{formatNumber(table.rows, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('overview.backupTitle')}
              </Title>
              <Group>
                <BackupButton />
              </Group>
            </Card>
            <Card withBorder>
              <Title order={4} mb={4}>
                {t('export.database.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('export.database.hint')}
              </Text>
              <Group>
                <ExportDatabaseButton databaseName={data.name} />
              </Group>
            </Card>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
