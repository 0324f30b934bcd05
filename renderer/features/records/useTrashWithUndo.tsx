import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { showUndoNotice } from '../../components/undo-notice';

/** Moves records to the trash and offers "Undo" in the notification that says so. */
export function useTrashWithUndo(entity: 'people' | 'companies') {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async (ids: number[], onDone: () => void) => {
    await call(`${entity}:trash`, { ids });
    await queryClient.invalidateQueries();
    onDone();
    showUndoNotice({
      id: `trash-${entity}-${ids.join('-')}`,
      message: t('records.trash.done', { count: ids.length }),
      undoLabel: t('records.trash.undo'),
      undo: async () => {
        await call(`${entity}:restore`, { ids });
        await queryClient.invalidateQueries();
      },
      t,
    });
  };
}
