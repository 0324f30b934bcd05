import { Button, Group } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useTrashWithUndo } from './useTrashWithUndo';

type RecordHeaderActionsProps = { entity: 'people' | 'companies'; id: number };

/** A record screen's buttons: back to its list, edit, and move to the trash (with undo), back to the list. */
export function RecordHeaderActions({ entity, id }: RecordHeaderActionsProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const trash = useTrashWithUndo(entity);
  const listPath = `/${entity}`;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(listPath)}>
        {t(`${entity}.backToList`)}
      </Button>
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
    </Group>
  );
}
