import { Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowAction, RowOutcome } from '../../../shared/domain/imports';
import { useChannelQuery } from '../../api/queries';
import { fieldLabel } from './field-options';
import { ProblemCell } from './ProblemCell';
import { TruncatedText } from './TruncatedText';
import type { WizardAction } from './wizard-state';

type GridRowProps = {
  row: RowOutcome;
  /** The file's columns shown: the mapped ones. */
  columns: number[];
  headers: string[];
  skipped: boolean;
  dispatch: (action: WizardAction) => void;
};

const actionColors: Record<RowAction, string> = {
  create: 'teal',
  update: 'blue',
  unchanged: 'gray',
  merge: 'grape',
  skip: 'red',
};

/** One row of the dry run: what happens to it, its cells, and for updates what changes. */
export function GridRow({ row, columns, headers, skipped, dispatch }: GridRowProps) {
  const { t } = useTranslation();
  // One cached query for every row of an entity: custom fields' changes are shown by their labels.
  const customFields = useChannelQuery('customFields:list', { entity: row.entity });
  const rowProblems = row.problems.filter((problem) => problem.column === null || !columns.includes(problem.column));
  return (
    <Table.Tr data-testid="grid-row" data-row={row.row + 1} style={{ opacity: row.action === 'skip' ? 0.8 : 1 }}>
      <Table.Td c="dimmed">{row.row + 1}</Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Badge
            color={actionColors[row.action]}
            variant="light"
            tt="none"
            style={{ flexShrink: 0 }}
            data-testid="row-action"
          >
            {t(`importWizard.actions.${row.action}`)}
          </Badge>
          {rowProblems.map((problem, index) => (
            <Text key={index} size="xs" c={problem.severity === 'error' ? 'red' : 'yellow.8'}>
              {t(`importWizard.problems.${problem.code}`)}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('importWizard.grid.skipRow', { row: row.row + 1 })}
          checked={skipped}
          onChange={(event) =>
            dispatch({ type: 'skipRow', sheet: row.sheet, row: row.row, skipped: event.currentTarget.checked })
          }
        />
      </Table.Td>
      {columns.map((column) => (
        <ProblemCell
          key={column}
          value={row.cells[column] ?? ''}
          header={headers[column] ?? ''}
          problems={row.problems.filter((problem) => problem.column === column)}
          onFix={(value) => dispatch({ type: 'fix', fix: { sheet: row.sheet, row: row.row, column, value } })}
        />
      ))}
      <Table.Td>
        <Stack gap={2}>
          {row.changes.map((change) => (
            <TruncatedText key={change.field} size="xs">
              {`${fieldLabel(change.field, t, customFields.data ?? [])}: ${change.before ?? '—'} → ${change.after ?? '—'}`}
            </TruncatedText>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
