import { Badge, Button, Card, Center, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ImportHistoryItem } from '../../../shared/domain/imports';
import { useChannelQuery } from '../../api/queries';
import { formatDateTime, formatNumber } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { UndoImportFlow } from './UndoImportFlow';
import { historyCounts } from './history-counts';

/** Every import of the open database, newest first, with "Undo import" for the ones still in effect. */
export function ImportHistoryPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const history = useChannelQuery('import:history', {});
  const [undoing, setUndoing] = useState<ImportHistoryItem | null>(null);
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PageHeader title={t('importHistory.title')} subtitle={t('importHistory.subtitle')} />
        <Button
          style={{ flexShrink: 0 }}
          variant="light"
          leftSection={<IconFileImport size={18} />}
          onClick={() => navigate('/import')}
        >
          {t('importHistory.newImport')}
        </Button>
      </Group>
      <QueryState query={history}>
        {(items) =>
          items.length === 0 ? (
            <Card withBorder maw={900} data-testid="import-history-empty">
              <Center py="xl">
                <Stack align="center" gap="xs">
                  <Text fw={600}>{t('importHistory.emptyTitle')}</Text>
                  <Text c="dimmed" size="sm">
                    {t('importHistory.emptyText')}
                  </Text>
                  <Button mt="sm" leftSection={<IconFileImport size={18} />} onClick={() => navigate('/import')}>
                    {t('importHistory.newImport')}
                  </Button>
                </Stack>
              </Center>
            </Card>
          ) : (
            <HistoryTable items={items} onUndo={setUndoing} />
          )
        }
      </QueryState>
      {undoing && <UndoImportFlow key={undoing.id} item={undoing} onClose={() => setUndoing(null)} />}
    </>
  );
}

function HistoryTable({ items, onUndo }: { items: ImportHistoryItem[]; onUndo: (item: ImportHistoryItem) => void }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover aria-label={t('importHistory.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importHistory.columns.file')}</Table.Th>
            <Table.Th>{t('importHistory.columns.date')}</Table.Th>
            <Table.Th>{t('importHistory.columns.mode')}</Table.Th>
            <Table.Th ta="right">{t('importHistory.columns.created')}</Table.Th>
            <Table.Th ta="right">{t('importHistory.columns.updated')}</Table.Th>
            <Table.Th ta="right">{t('importHistory.columns.skipped')}</Table.Th>
            <Table.Th>{t('importHistory.columns.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const counts = historyCounts(item.summary);
            return (
              <Table.Tr key={item.id} data-testid="import-history-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.fileName}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(item.startedAt, i18n.language)}</Table.Td>
                <Table.Td>{t(`importHistory.modes.${item.mode}`)}</Table.Td>
                <Table.Td ta="right">
                  {number(counts.created)}
                  {item.summary.linkedCompaniesCreated > 0 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('importHistory.linkedCompanies', { count: item.summary.linkedCompaniesCreated })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{number(counts.updated)}</Table.Td>
                <Table.Td ta="right">{number(counts.skipped)}</Table.Td>
                <Table.Td>
                  {item.undoneAt ? (
                    <Badge color="gray" variant="light" tt="none">
                      {t('importHistory.status.undone', { date: formatDateTime(item.undoneAt, i18n.language) })}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light" tt="none">
                      {t('importHistory.status.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!item.undoneAt && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      leftSection={<IconArrowBackUp size={16} />}
                      onClick={() => onUndo(item)}
                    >
                      {t('importHistory.undo')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
