import { Button, Group, Paper, Popover, Select, Stack, TagsInput, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTag, IconTagOff, IconTrash, IconUserCheck, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction, BulkTarget } from '../../../shared/domain/bulk';
import { TAG_SEPARATORS } from '../../../shared/domain/common';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { showUndoNotice } from '../../components/undo-notice';
import { useBulkAction } from './useBulkAction';

type BulkActionsBarProps = {
  entity: 'people' | 'companies';
  target: BulkTarget;
  count: number;
  /** Shown when only some rows are picked: offers all rows the filter matches. */
  onSelectAllMatching: (() => void) | null;
  totalMatching: number;
  onClear: () => void;
  /** The export menu for the same target, shown with the other actions. */
  exportAction?: React.ReactNode;
};

/** From this many records a move to the trash asks first: undo is one click, but it may not be seen. */
const CONFIRM_TRASH_FROM = 100;

/** What can be done to many records at once: tag, untag, re-assign, export, trash (with undo). */
export function BulkActionsBar(props: BulkActionsBarProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const bulk = useBulkAction(props.entity);
  const { busy, error } = bulk;

  async function run(action: BulkAction) {
    const result = await bulk.run(props.target, action);
    if (!result) return;
    notifications.show({ color: 'teal', message: t('records.bulk.done', { count: result.affected }) });
    if (action.type === 'trash') offerUndo(result.ids, result.affected);
    props.onClear();
  }

  function trash() {
    if (props.count < CONFIRM_TRASH_FROM) return void run({ type: 'trash' });
    const formatted = formatNumber(props.count, i18n.language);
    modals.openConfirmModal({
      title: t('records.trash.confirmTitle', { count: props.count, formatted }),
      children: <Text size="sm">{t('records.trash.confirmText')}</Text>,
      labels: { confirm: t('records.trash.action'), cancel: t('records.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run({ type: 'trash' }),
    });
  }

  function offerUndo(ids: number[], affected: number) {
    // Too many to undo in one click (main sends no ids then): the trash view brings them back.
    if (ids.length === 0) {
      if (affected > 0) notifications.show({ message: t('records.trash.restoreFromTrash'), autoClose: 10_000 });
      return;
    }
    showUndoNotice({
      id: `bulk-trash-${Date.now()}`,
      message: t('records.trash.done', { count: ids.length }),
      undoLabel: t('records.trash.undo'),
      undo: async () => {
        await call(`${props.entity}:restore`, { ids });
        await queryClient.invalidateQueries();
      },
      t,
    });
  }

  return (
    <Paper withBorder p="xs" radius="md" bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('records.bulk.selected', { count: props.count, formatted: formatNumber(props.count, i18n.language) })}
          </Text>
          {props.onSelectAllMatching && props.totalMatching > props.count && (
            <Button size="compact-sm" variant="subtle" onClick={props.onSelectAllMatching}>
              {t('records.bulk.selectAll', { formatted: formatNumber(props.totalMatching, i18n.language) })}
            </Button>
          )}
          <TagPopover
            icon={<IconTag size={16} />}
            label={t('records.bulk.tag')}
            busy={busy}
            onApply={(tags) => run({ type: 'tag', tags })}
          />
          <TagPopover
            icon={<IconTagOff size={16} />}
            label={t('records.bulk.untag')}
            busy={busy}
            onApply={(tags) => run({ type: 'untag', tags })}
          />
          <OwnerPopover busy={busy} onApply={(ownerId) => run({ type: 'setOwner', ownerId })} />
          {props.exportAction}
          <Button
            size="compact-sm"
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            loading={busy}
            onClick={trash}
          >
            {t('records.trash.action')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconX size={16} />}
            onClick={props.onClear}
          >
            {t('records.bulk.clear')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

function TagPopover({
  icon,
  label,
  busy,
  onApply,
}: {
  icon: React.ReactNode;
  label: string;
  busy: boolean;
  onApply: (tags: string[]) => void;
}) {
  const { t } = useTranslation();
  const [tags, setTags] = useState<string[]>([]);
  const [opened, setOpened] = useState(false);
  const known = useChannelQuery('tags:list', {}, opened);
  return (
    <Popover opened={opened} onChange={setOpened} width={320} trapFocus position="bottom-start" shadow="md">
      <Popover.Target>
        <Button size="compact-sm" variant="default" leftSection={icon} onClick={() => setOpened((o) => !o)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TagsInput
            label={t('records.fields.tags')}
            data={(known.data ?? []).map((tag) => tag.name)}
            value={tags}
            onChange={setTags}
            comboboxProps={{ withinPortal: false }}
            splitChars={[...TAG_SEPARATORS]}
          />
          <Button
            size="xs"
            disabled={tags.length === 0}
            loading={busy}
            onClick={() => {
              onApply(tags);
              setOpened(false);
              setTags([]);
            }}
          >
            {t('records.filter.apply')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function OwnerPopover({ busy, onApply }: { busy: boolean; onApply: (ownerId: number | null) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const users = useChannelQuery('users:list', {}, opened);
  return (
    <Popover opened={opened} onChange={setOpened} width={300} trapFocus position="bottom-start" shadow="md">
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconUserCheck size={16} />}
          onClick={() => setOpened((o) => !o)}
        >
          {t('records.bulk.owner')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Select
            label={t('records.fields.owner')}
            data={[
              { value: 'none', label: t('records.bulk.noOwner') },
              ...(users.data ?? []).map((user) => ({ value: String(user.id), label: user.displayName })),
            ]}
            value={owner}
            onChange={setOwner}
            comboboxProps={{ withinPortal: false }}
          />
          <Button
            size="xs"
            disabled={owner === null}
            loading={busy}
            onClick={() => {
              onApply(owner === 'none' ? null : Number(owner));
              setOpened(false);
            }}
          >
            {t('records.filter.apply')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
