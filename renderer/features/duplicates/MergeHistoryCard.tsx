import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeEntity, MergeRecord } from '../../../shared/domain/duplicates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';

type MergeHistoryCardProps = {
  entity: MergeEntity;
  merges: MergeRecord[] | undefined;
  unmerge: (mergeId: number, force: boolean) => Promise<unknown>;
};

/** Records merged into this one, each with "Unmerge". Hidden when there are none. */
export function MergeHistoryCard({ entity, merges, unmerge }: MergeHistoryCardProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  if (!merges || merges.length === 0) return null;

  async function undo(mergeId: number, force: boolean) {
    setError(null);
    try {
      await unmerge(mergeId, force);
      await queryClient.invalidateQueries();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Card withBorder data-testid="merge-history">
      <Title order={5} mb="xs">
        {t('merge.history')}
      </Title>
      <Stack gap="xs">
        {merges.map((merge) => (
          <Group key={merge.id} justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {merge.mergedName} · {formatDateTime(merge.mergedAt, i18n.language)}
              </Text>
              {merge.laterMergeFirst && (
                <Text size="xs" c="dimmed">
                  {t('merge.laterMergeFirst')}
                </Text>
              )}
            </Stack>
            <Button
              size="xs"
              variant="light"
              style={{ flexShrink: 0 }}
              disabled={merge.laterMergeFirst}
              onClick={() =>
                merge.cleanlyReversible
                  ? void undo(merge.id, false)
                  : modals.openConfirmModal({
                      title: t('merge.unmerge'),
                      children: <Text size="sm">{t('merge.editedSince', { context: entity })}</Text>,
                      labels: { confirm: t('merge.unmergeAnyway'), cancel: t('records.cancel') },
                      onConfirm: () => void undo(merge.id, true),
                    })
              }
            >
              {t('merge.unmerge')}
            </Button>
          </Group>
        ))}
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}
