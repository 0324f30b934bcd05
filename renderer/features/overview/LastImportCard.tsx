import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useChannelQuery } from '../../api/queries';
import { formatDateTime, formatNumber } from '../../components/format';
import { historyCounts } from '../import-history/history-counts';

/** The newest import, what it did, and the way to the history (where it can be undone). Nothing before the first. */
export function LastImportCard() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const history = useChannelQuery('import:history', {});
  const last = history.data?.[0];
  if (!last) return null;
  const counts = historyCounts(last.summary);
  return (
    <Card withBorder data-testid="last-import">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={4} mb={4}>
            {t('overview.lastImport')}
          </Title>
          <Text truncate="end">
            {t('overview.lastImportFile', {
              file: last.fileName,
              date: formatDateTime(last.finishedAt, i18n.language),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {last.undoneAt
              ? t('overview.lastImportUndone', { date: formatDateTime(last.undoneAt, i18n.language) })
              : t('overview.lastImportCounts', {
                  created: formatNumber(counts.created, i18n.language),
                  updated: formatNumber(counts.updated, i18n.language),
                  skipped: formatNumber(counts.skipped, i18n.language),
                })}
          </Text>
        </div>
        <Anchor component="button" style={{ flexShrink: 0 }} onClick={() => navigate('/import/history')}>
          {t('importWizard.history')}
        </Anchor>
      </Group>
    </Card>
  );
}
