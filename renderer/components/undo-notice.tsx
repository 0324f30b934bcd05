import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorText } from './ErrorAlert';

type UndoNotice = {
  id: string;
  message: string;
  undoLabel: string;
  /** Runs the undo; a refusal (the record was changed since) is shown, never swallowed. */
  undo: () => Promise<unknown>;
  t: TFunction;
  color?: string;
};

/**
 * The "done — Undo" notification of trash and merge. The notice is gone by the time the undo
 * answers, so a refused undo gets a notice of its own: the user must not believe it happened.
 */
export function showUndoNotice({ id, message, undoLabel, undo, t, color = 'gray' }: UndoNotice): void {
  const runUndo = async () => {
    notifications.hide(id);
    try {
      await undo();
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.undoFailed'), message: errorText(t, error) });
    }
  };
  notifications.show({
    id,
    color,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="light" onClick={() => void runUndo()}>
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}
