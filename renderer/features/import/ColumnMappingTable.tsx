import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressLabel } from '../../../shared/domain/contact-points';
import type { SheetPreview, SheetSetup } from '../../../shared/domain/imports';
import { sheetHeaders } from '../../../shared/domain/sheet-headers';
import {
  addressGroupHeads,
  addressGroupOf,
  addressPartGroup,
  customFieldTarget,
  type ImportEntity,
} from '../../../shared/domain/import-fields';
import { useChannelQuery } from '../../api/queries';
import { ColumnMappingRow } from './ColumnMappingRow';
import { fieldOptions } from './field-options';
import { mappedColumns, type WizardAction } from './wizard-state';

type ColumnMappingTableProps = {
  preview: SheetPreview;
  sheet: SheetSetup;
  entity: ImportEntity;
  dispatch: (action: WizardAction) => void;
};

const SAMPLES = 3;

/** Non-empty values of a column below the header row, for the user to recognise it. */
function samplesOf(rows: string[][], headerRow: number, column: number): string[] {
  return rows
    .slice(headerRow + 1)
    .map((row) => (row[column] ?? '').trim())
    .filter((value) => value !== '')
    .slice(0, SAMPLES);
}

/**
 * The address kind to offer, on the first column of each address whose kind no column gives:
 * what its header named (Outlook's "Home …"), else a work address, as the import reads it.
 */
function addressKinds(sheet: SheetSetup): Map<number, AddressLabel> {
  const labelled = new Set(
    sheet.columns.flatMap((column) => column.targets.filter((target) => target.endsWith('.label')).map(addressGroupOf)),
  );
  const kinds = new Map<number, AddressLabel>();
  for (const [group, head] of addressGroupHeads(sheet.columns)) {
    if (!labelled.has(group)) kinds.set(head.index, head.addressLabel ?? 'work');
  }
  return kinds;
}

function labelHeader(headers: readonly string[], index: number | null): string | null {
  return index === null ? null : (headers[index] ?? '').trim() || null;
}

/** Each column of the sheet and the field(s) it feeds. */
export function ColumnMappingTable({ preview, sheet, entity, dispatch }: ColumnMappingTableProps) {
  const { t } = useTranslation();
  const customFields = useChannelQuery('customFields:list', { entity }).data;
  const highestAddressGroup = Math.max(
    -1,
    ...sheet.columns.flatMap((column) => column.targets).map((target) => addressGroupOf(target)),
  );
  const options = useMemo(
    () => fieldOptions(entity, customFields ?? [], t, highestAddressGroup),
    [entity, customFields, t, highestAddressGroup],
  );
  const numberTargets = useMemo(
    () =>
      new Set(
        (customFields ?? []).filter((field) => field.type === 'number').map((field) => customFieldTarget(field.key)),
      ),
    [customFields],
  );
  const headers = sheetHeaders(preview.rows, sheet.headerRow);
  const suggestions = new Map(preview.columns.map((column) => [column.index, column]));
  const kinds = addressKinds(sheet);
  /** One kind for the whole address: every column of its group takes it. */
  const setAddressKind = (group: number, addressLabel: AddressLabel) => {
    for (const column of sheet.columns) {
      if (addressPartGroup(column.targets) === group) {
        dispatch({ type: 'column', sheet: sheet.sheet, index: column.index, patch: { addressLabel } });
      }
    }
  };
  return (
    <div>
      <Text size="sm" c="dimmed" mb={4} data-testid="mapped-count">
        {t('importWizard.mapping.mappedCount', { mapped: mappedColumns(sheet).length, total: sheet.columns.length })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" data-testid="column-mapping" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('importWizard.mapping.column')}</Table.Th>
              <Table.Th w="26%">{t('importWizard.mapping.samples')}</Table.Th>
              <Table.Th>{t('importWizard.mapping.target')}</Table.Th>
              <Table.Th w={130}>{t('importWizard.mapping.confidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.columns.map((column) => (
              <ColumnMappingRow
                key={column.index}
                header={headers[column.index] ?? ''}
                samples={samplesOf(preview.rows, sheet.headerRow, column.index)}
                column={column}
                suggestion={suggestions.get(column.index)}
                options={options}
                numberTargets={numberTargets}
                labelHeader={labelHeader(headers, suggestions.get(column.index)?.headerLabelColumn ?? null)}
                addressKind={
                  kinds.get(column.index) === undefined
                    ? null
                    : {
                        value: kinds.get(column.index)!,
                        onChange: (label) => setAddressKind(addressPartGroup(column.targets), label),
                      }
                }
                onChange={(patch) => dispatch({ type: 'column', sheet: sheet.sheet, index: column.index, patch })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
