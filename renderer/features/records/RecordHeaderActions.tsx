import { Alert, Button, Group } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useTrashWithUndo } from './useTrashWithUndo';

type RecordEntity = 'people' | 'companies';
type RecordHeaderActionsProps = { entity: RecordEntity; id: number; deletedAt: string | null };

/**
 * A record screen's buttons: back to its list, edit, and move to the trash (with undo), back to the
 * list; for a record in the trash, back and restore.
 */
export function RecordHeaderActions({ entity, id, deletedAt }: RecordHeaderActionsProps) {
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
      {deletedAt === null ? (
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

/** Says that the record on screen is in the trash, since when, and what that means. */
export function TrashedRecordAlert({ deletedAt }: { deletedAt: string | null }) {
  const { t, i18n } = useTranslation();
  if (deletedAt === null) return null;
  return (
    <Alert
      color="orange"
      icon={<IconTrash size={18} />}
      title={t('records.trash.inTrashSince', { date: formatDateTime(deletedAt, i18n.language) })}
      data-testid="trashed-record"
    >
      {t('records.trash.inTrashHint')}
    </Alert>
  );
}

function useRestore(entity: RecordEntity, id: number) {
  const queryClient = useQueryClient();
  return async () => {
    await call(`${entity}:restore`, { ids: [id] });
    await queryClient.invalidateQueries();
  };
}
