import { Alert, Anchor, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowsJoin, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { errorText } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useTrashWithUndo } from './useTrashWithUndo';

type RecordEntity = 'people' | 'companies';
/** Where the record stands: live, in the trash, or a copy merged into another record. */
type RecordState = { deletedAt: string | null; mergedIntoId: number | null };
type RecordHeaderActionsProps = { entity: RecordEntity; id: number; state: RecordState };

/** Whether a record may be edited: not in the trash, not merged away (its Edit button and its inline edits). */
export const isEditable = (state: RecordState): boolean => state.deletedAt === null && state.mergedIntoId === null;

/**
 * A record screen's buttons: back to its list, edit, and move to the trash (with undo), back to the
 * list; for a record in the trash, back and restore; for a merged-away copy, back only.
 */
export function RecordHeaderActions({ entity, id, state }: RecordHeaderActionsProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const trash = useTrashWithUndo(entity);
  const restore = useRestore(entity, id);
  const listPath = `/${entity}`;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(listPath)}>
        {t(`${entity}.backToList`)}
      </Button>
      {state.mergedIntoId !== null ? null : state.deletedAt === null ? (
        <>
          <Button leftSection={<IconEdit size={16} />} onClick={() => navigate(`${listPath}/${id}/edit`)}>
            {t('records.edit')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            onClick={() => void trash([id], () => navigate(listPath))}
          >
            {t('records.trash.action')}
          </Button>
        </>
      ) : (
        <Button leftSection={<IconRestore size={16} />} onClick={() => void restore()}>
          {t('records.trash.restore')}
        </Button>
      )}
    </Group>
  );
}

/** Says that the record on screen is in the trash (since when, and what that means) or merged into another. */
export function TrashedRecordAlert({ entity, state }: { entity: RecordEntity; state: RecordState }) {
  const { t, i18n } = useTranslation();
  if (state.mergedIntoId !== null) {
    return (
      <Alert
        color="gray"
        icon={<IconArrowsJoin size={18} />}
        title={t('records.trash.mergedTitle')}
        data-testid="merged-record"
      >
        {t('records.trash.mergedHint')}{' '}
        <Anchor size="sm" href={`#/${entity}/${state.mergedIntoId}`}>
          {t('records.trash.openSurvivor')}
        </Anchor>
      </Alert>
    );
  }
  if (state.deletedAt === null) return null;
  return (
    <Alert
      color="orange"
      icon={<IconTrash size={18} />}
      title={t('records.trash.inTrashSince', { date: formatDateTime(state.deletedAt, i18n.language) })}
      data-testid="trashed-record"
    >
      {t('records.trash.inTrashHint')}
    </Alert>
  );
}

function useRestore(entity: RecordEntity, id: number) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async () => {
    try {
      await call(`${entity}:restore`, { ids: [id] });
      await queryClient.invalidateQueries();
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(t, error) });
    }
  };
}
