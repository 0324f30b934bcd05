import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';

/** People merged into this one, each with "Unmerge". Hidden when there are none. */
export function MergeHistory({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const merges = useChannelQuery('people:merges', { personId });
  const [error, setError] = useState<unknown>(null);
  if (!merges.data || merges.data.length === 0) return null;

  async function unmerge(mergeId: number, force: boolean) {
    setError(null);
    try {
      await call('people:unmerge', { mergeId, force });
      await queryClient.invalidateQueries();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('merge.history')}
      </Title>
      <Stack gap="xs">
        {merges.data.map((merge) => (
          <Group key={merge.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {merge.mergedName} · {formatDateTime(merge.mergedAt, i18n.language)}
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                merge.cleanlyReversible
                  ? void unmerge(merge.id, false)
                  : modals.openConfirmModal({
                      title: t('merge.unmerge'),
                      children: <Text size="sm">{t('merge.editedSince')}</Text>,
                      labels: { confirm: t('merge.unmergeAnyway'), cancel: t('records.cancel') },
                      onConfirm: () => void unmerge(merge.id, true),
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
