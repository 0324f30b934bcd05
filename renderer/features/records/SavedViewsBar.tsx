import { Badge, Button, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListFilter, SortOrder } from '../../../shared/domain/list-query';
import type { SavedView, ViewEntity } from '../../../shared/domain/saved-views';
import { errorReason } from '../../api/api-error';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import classes from './SavedViewsBar.module.css';

type SavedViewsBarProps = {
  entity: ViewEntity;
  current: { filter: ListFilter; sort: SortOrder; columns: string[] };
  /** The list's own columns: a change from them is worth saving too. */
  defaultColumns: string[];
  activeViewId: number | null;
  onApply: (view: SavedView | null) => void;
};

const same = (view: SavedView, current: SavedViewsBarProps['current']) =>
  JSON.stringify({ filter: view.filter, sort: view.sort, columns: view.columns }) ===
  JSON.stringify({
    filter: {
      conditions: current.filter.conditions ?? [],
      text: current.filter.text ?? '',
      trash: current.filter.trash ?? false,
    },
    sort: current.sort,
    columns: current.columns,
  });

/** Saved views (segments) of a list, each with its count; the current filter can be saved as one. */
export function SavedViewsBar({ entity, current, defaultColumns, activeViewId, onApply }: SavedViewsBarProps) {
  const { t, i18n } = useTranslation();
  const views = useChannelQuery('views:list', { entity });
  const counts = useChannelQuery('views:counts', { entity });
  const create = useChannelMutation('views:create', ['views:list', 'views:counts']);
  const update = useChannelMutation('views:update', ['views:list', 'views:counts']);
  const remove = useChannelMutation('views:delete', ['views:list', 'views:counts']);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const active = views.data?.find((view) => view.id === activeViewId) ?? null;
  const changed = active
    ? !same(active, current)
    : (current.filter.conditions?.length ?? 0) > 0 ||
      !!current.filter.text ||
      JSON.stringify(current.columns) !== JSON.stringify(defaultColumns);
  const countOf = (id: number) => counts.data?.find((entry) => entry.id === id)?.count;
  // Main refuses a second view of one name in the list: said at the name box.
  const nameTaken = errorReason(create.error) === 'taken';

  function closeNaming() {
    setNaming(false);
    create.reset();
  }

  function confirmDelete(view: SavedView) {
    modals.openConfirmModal({
      title: t('records.views.deleteTitle', { name: view.name }),
      children: <Text size="sm">{t('records.views.deleteText')}</Text>,
      labels: { confirm: t('records.views.delete'), cancel: t('records.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: view.id }, { onSuccess: () => onApply(null) }),
    });
  }

  return (
    <Group gap="xs" wrap="wrap" data-testid="saved-views">
      <UnstyledButton
        className={classes.chip}
        data-active={activeViewId === null || undefined}
        onClick={() => onApply(null)}
      >
        {t('records.views.all')}
      </UnstyledButton>
      {(views.data ?? []).map((view) => (
        <UnstyledButton
          key={view.id}
          className={classes.chip}
          data-active={view.id === activeViewId || undefined}
          onClick={() => onApply(view)}
          title={view.name}
        >
          <Group gap={6} wrap="nowrap">
            <span className={classes.name}>{view.name}</span>
            <ViewCountBadge count={countOf(view.id)} language={i18n.language} />
          </Group>
        </UnstyledButton>
      ))}
      {changed && (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={() => setNaming(true)}
        >
          {t('records.views.saveAs')}
        </Button>
      )}
      {active && changed && (
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() =>
            update.mutate({
              id: active.id,
              version: active.version,
              values: { entity, name: active.name, ...current },
            })
          }
        >
          {t('records.views.update', { name: active.name })}
        </Button>
      )}
      {active && (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => confirmDelete(active)}
        >
          {t('records.views.delete')}
        </Button>
      )}
      <ErrorAlert error={update.error ?? remove.error} />
      <Modal opened={naming} onClose={closeNaming} title={t('records.views.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() === '') return;
            create.mutate(
              { entity, name: name.trim(), ...current },
              {
                onSuccess: (view) => {
                  closeNaming();
                  setName('');
                  onApply(view);
                },
              },
            );
          }}
        >
          <Stack>
            <TextInput
              label={t('records.views.name')}
              name="view-name"
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                if (nameTaken) create.reset();
              }}
              error={nameTaken ? t('records.views.nameTaken') : undefined}
              data-autofocus
            />
            <ErrorAlert error={nameTaken ? null : create.error} />
            <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
              {t('records.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}

/** The view's count; "…" while it loads, "—" when its filter no longer applies. */
function ViewCountBadge({ count, language }: { count: number | null | undefined; language: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={count === null ? 'gray' : undefined}
      title={count === null ? t('records.views.broken') : undefined}
      data-testid="view-count"
    >
      {count === undefined ? '…' : count === null ? '—' : formatNumber(count, language)}
    </Badge>
  );
}
