import { Popover, Table, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from '../../../shared/domain/imports';
import { TruncatedText } from './TruncatedText';

type ProblemCellProps = {
  value: string;
  header: string;
  problems: RowProblem[];
  onFix: (value: string) => void;
};

/** A cell of the grid; one with a problem is highlighted and opens an editor when clicked. */
export function ProblemCell({ value, header, problems, onFix }: ProblemCellProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (problems.length === 0) {
    return (
      <Table.Td maw={240}>
        <TruncatedText size="sm">{value}</TruncatedText>
      </Table.Td>
    );
  }
  const error = problems.some((problem) => problem.severity === 'error');
  const message = problems.map((problem) => t(`importWizard.problems.${problem.code}`)).join('; ');

  // Enter, a click elsewhere or on the cell again keep what was typed; only Esc drops it.
  function close(keep: boolean) {
    setEditing(false);
    if (keep && draft !== value) onFix(draft);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    close(true);
  }

  return (
    <Table.Td
      maw={240}
      p={0}
      bg={error ? 'var(--mantine-color-red-light)' : 'var(--mantine-color-yellow-light)'}
      data-problem={error ? 'error' : 'warning'}
    >
      <Popover
        opened={editing}
        onChange={(opened) => (opened ? setEditing(true) : close(true))}
        closeOnEscape={false}
        position="bottom-start"
        width={300}
        trapFocus
        withArrow
      >
        <Popover.Target>
          <Tooltip label={message} withArrow multiline maw={320} disabled={editing}>
            <UnstyledButton
              w="100%"
              px="sm"
              py={6}
              onClick={() => {
                if (editing) {
                  close(true);
                  return;
                }
                setDraft(value);
                setEditing(true);
              }}
              aria-label={`${header}: ${message}`}
              data-testid="problem-cell"
            >
              <Text size="sm" truncate="end" c={value ? undefined : 'dimmed'}>
                {value || '—'}
              </Text>
            </UnstyledButton>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={submit}>
            <TextInput
              label={t('importWizard.grid.editCell')}
              description={message}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') close(false);
              }}
              data-autofocus
              name="cell-fix"
            />
          </form>
        </Popover.Dropdown>
      </Popover>
    </Table.Td>
  );
}
