import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrashX, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BulkTarget } from '../../../shared/domain/bulk';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { useBulkAction } from './useBulkAction';
import { WHOLE_TRASH } from './whole-list';

type TrashActionsBarProps = {
  entity: 'people' | 'companies';
  /** The picked records, or null when none are. */
  picked: { target: BulkTarget; count: number } | null;
  onClear: () => void;
};

/** The trash's own actions: restore or delete for good what is picked, or empty the whole trash. */
export function TrashActionsBar({ entity, picked, onClear }: TrashActionsBarProps) {
  const { t, i18n } = useTranslation();
  const bulk = useBulkAction(entity);
  const { busy, error } = bulk;
  const formatted = (count: number) => formatNumber(count, i18n.language);
  // The whole trash, whatever the list's search text narrows it to.
  const total = useChannelQuery(`${entity}:count`, WHOLE_TRASH).data?.count ?? 0;

  async function run(target: BulkTarget, type: 'restore' | 'deleteForever') {
    const result = await bulk.run(target, { type });
    if (!result) return;
    const message = type === 'restore' ? 'records.trash.restored' : 'records.trash.deleted';
    notifications.show({ color: 'teal', message: t(message, { formatted: formatted(result.affected) }) });
    onClear();
  }

  function confirmDelete(target: BulkTarget, count: number, everything: boolean) {
    modals.openConfirmModal({
      title: t(everything ? 'records.trash.emptyTitle' : 'records.trash.deleteForeverTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {t(everything ? 'records.trash.emptyText' : 'records.trash.deleteForeverText', {
              formatted: formatted(count),
            })}
          </Text>
          {entity === 'companies' && <Text size="sm">{t('records.trash.companyPeopleStay')}</Text>}
        </Stack>
      ),
      labels: {
        confirm: t(everything ? 'records.trash.empty' : 'records.trash.deleteForever'),
        cancel: t('records.cancel'),
      },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(target, 'deleteForever'),
    });
  }

  return (
    <Paper withBorder p="xs" radius="md" data-testid="trash-bar">
      <Stack gap={6}>
        {picked ? (
          <Group gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('records.bulk.selected', { count: picked.count, formatted: formatted(picked.count) })}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconRestore size={16} />}
              loading={busy}
              onClick={() => void run(picked.target, 'restore')}
            >
              {t('records.trash.restore')}
            </Button>
            <Button
              size="compact-sm"
              color="red"
              variant="light"
              leftSection={<IconTrashX size={16} />}
              loading={busy}
              onClick={() => confirmDelete(picked.target, picked.count, false)}
            >
              {t('records.trash.deleteForever')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={onClear}>
              {t('records.bulk.clear')}
            </Button>
          </Group>
        ) : (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t('records.trash.summary', { formatted: formatted(total) })}
            </Text>
            <Button
              size="compact-sm"
              color="red"
              variant="light"
              style={{ flexShrink: 0 }}
              leftSection={<IconTrashX size={16} />}
              loading={busy}
              disabled={total === 0}
              onClick={() => confirmDelete(WHOLE_TRASH, total, true)}
            >
              {t('records.trash.empty')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}
