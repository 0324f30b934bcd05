import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

/** Moves records to the trash and offers "Undo" in the notification that says so. */
export function useTrashWithUndo(entity: 'people' | 'companies') {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async (ids: number[], onDone: () => void) => {
    await call(`${entity}:trash`, { ids });
    await queryClient.invalidateQueries();
    onDone();
    const id = `trash-${entity}-${ids.join('-')}`;
    const undo = async () => {
      notifications.hide(id);
      await call(`${entity}:restore`, { ids });
      await queryClient.invalidateQueries();
    };
    notifications.show({
      id,
      color: 'gray',
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('records.trash.done', { count: ids.length })}</Text>
          <Button size="xs" variant="light" onClick={() => void undo()}>
            {t('records.trash.undo')}
          </Button>
        </Group>
      ),
    });
  };
}
