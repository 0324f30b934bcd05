import { Button, Center, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryItem, UndoImportResult } from '../../../shared/domain/imports';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { historyCounts } from './history-counts';

type UndoImportFlowProps = { item: ImportHistoryItem; onClose: () => void };

const keyOf = (conflict: { entity: string; id: number }) => `${conflict.entity}:${conflict.id}`;

/** Undo: check for records edited since the import, let the user force some, then undo. */
export function UndoImportFlow({ item, onClose }: UndoImportFlowProps) {
  const { t } = useTranslation();
  const check = useChannelMutation('import:undo');
  const undo = useChannelMutation('import:undo', [
    'import:history',
    'people:list',
    'people:count',
    'companies:list',
    'companies:count',
    'views:counts',
    'database:info',
  ]);
  const [forced, setForced] = useState<Set<string>>(new Set());
  const { mutate: runCheck } = check;

  useEffect(() => {
    runCheck({ importId: item.id, check: true, force: [] });
  }, [runCheck, item.id]);

  const conflicts = check.data?.conflicts ?? [];
  const counts = historyCounts(item.summary);

  const confirm = () => {
    const force = conflicts.filter((conflict) => forced.has(keyOf(conflict))).map(({ entity, id }) => ({ entity, id }));
    undo.mutate(
      { importId: item.id, check: false, force },
      {
        onSuccess: (result: UndoImportResult) => {
          notifications.show({
            color: 'teal',
            title: t('importHistory.undoDone'),
            message: [
              t('importHistory.undoResult', { removed: result.removed, restored: result.restored }),
              result.conflicts.length > 0 ? t('importHistory.undoKept', { count: result.conflicts.length }) : '',
            ]
              .filter(Boolean)
              .join(' '),
          });
          onClose();
        },
      },
    );
  };

  const toggle = (key: string, on: boolean) =>
    setForced((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const allForced = conflicts.length > 0 && conflicts.every((conflict) => forced.has(keyOf(conflict)));

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('importHistory.undoTitle', { file: item.fileName })}
      size={conflicts.length > 0 ? 'lg' : 'md'}
    >
      {check.isPending || check.isIdle ? (
        <Center py="lg">
          <Loader size="sm" aria-label={t('importHistory.checking')} />
        </Center>
      ) : check.isError ? (
        <Stack>
          <ErrorAlert error={check.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('importHistory.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text>
            {counts.updated === 0
              ? t('importHistory.undoQuestionCreated', { created: counts.created })
              : counts.created === 0
                ? t('importHistory.undoQuestionUpdated', { updated: counts.updated })
                : t('importHistory.undoQuestion', { created: counts.created, updated: counts.updated })}
          </Text>
          {conflicts.length > 0 && (
            <>
              <Text size="sm" c="orange.8" data-testid="undo-conflicts-note">
                {t('importHistory.conflictsNote', { count: conflicts.length })}
              </Text>
              <Checkbox
                label={t('importHistory.forceAll')}
                checked={allForced}
                indeterminate={!allForced && forced.size > 0}
                onChange={(event) => setForced(event.currentTarget.checked ? new Set(conflicts.map(keyOf)) : new Set())}
              />
              <ScrollArea.Autosize mah={320}>
                <Table striped aria-label={t('importHistory.conflictsTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40} />
                      <Table.Th>{t('importHistory.conflictColumns.name')}</Table.Th>
                      <Table.Th>{t('importHistory.conflictColumns.entity')}</Table.Th>
                      <Table.Th>{t('importHistory.conflictColumns.action')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {conflicts.map((conflict) => (
                      <Table.Tr key={keyOf(conflict)}>
                        <Table.Td>
                          <Checkbox
                            aria-label={t('importHistory.forceOne', { name: conflict.name })}
                            checked={forced.has(keyOf(conflict))}
                            onChange={(event) => toggle(keyOf(conflict), event.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td>{conflict.name}</Table.Td>
                        <Table.Td>{t(`importHistory.entities.${conflict.entity}`)}</Table.Td>
                        <Table.Td>{t(`importHistory.actions.${conflict.action}`)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </>
          )}
          <ErrorAlert error={undo.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('importHistory.cancel')}
            </Button>
            <Button color="red" loading={undo.isPending} onClick={confirm}>
              {t('importHistory.confirmUndo')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
