import { Group, LoadingOverlay, Pagination, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowFilters, type ImportSetup } from '../../../shared/domain/imports';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { GridRow } from './GridRow';
import { TruncatedText } from './TruncatedText';
import { mappedColumns, type WizardAction } from './wizard-state';

type RowFilter = (typeof rowFilters)[number];
type RowsGridProps = {
  sessionId: string;
  /** The dry run the rows belong to: a new one refetches them. */
  version: number;
  setup: ImportSetup;
  /** A dry run is under way: the rows shown are the previous one's. */
  busy: boolean;
  dispatch: (action: WizardAction) => void;
};

const PAGE_SIZE = 100;

/** The dry run's rows, a page at a time: problems highlighted and correctable, rows skippable. */
export function RowsGrid({ sessionId, version, setup, busy, dispatch }: RowsGridProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: ['import:rows', sessionId, filter, page, version],
    queryFn: () => call('import:rows', { sessionId, filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columnsOf = new Map(setup.sheets.map((sheet) => [sheet.sheet, mappedColumns(sheet)]));
  const severalSheets = setup.sheets.filter((sheet) => sheet.entity !== null).length > 1;
  const skipped = new Set(setup.skippedRows.map((ref) => `${ref.sheet}\u0000${ref.row}`));
  const data = rows.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  const headerCells = (sheet: string) =>
    (columnsOf.get(sheet) ?? []).map((column) => (
      <Table.Th key={column} miw={140} maw={240}>
        <TruncatedText size="sm" fw={600}>
          {data?.headers[sheet]?.[column] ?? ''}
        </TruncatedText>
      </Table.Th>
    ));

  return (
    <Paper withBorder p="md" radius="md" pos="relative">
      <LoadingOverlay visible={busy || rows.isFetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
      <Stack gap="sm">
        <Group justify="space-between">
          <SegmentedControl
            aria-label={t('importWizard.grid.filter')}
            data={rowFilters.map((value) => ({ value, label: t(`importWizard.grid.filters.${value}`) }))}
            value={filter}
            onChange={(value) => {
              setFilter(value as RowFilter);
              setPage(1);
            }}
            data-testid="grid-filter"
          />
          <Text size="sm" c="dimmed">
            {t('importWizard.grid.editHint')} {data && t('importWizard.grid.total', { count: data.total })}
          </Text>
        </Group>
        <ErrorAlert error={rows.error} />
        {data && data.rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t('importWizard.grid.empty')}
          </Text>
        ) : (
          data && (
            <Table.ScrollContainer minWidth={800} maxHeight={560}>
              <Table stickyHeader withTableBorder verticalSpacing={6} data-testid="dry-run-grid">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('importWizard.grid.row')}</Table.Th>
                    <Table.Th miw={150}>{t('importWizard.grid.action')}</Table.Th>
                    <Table.Th w={90}>{t('importWizard.grid.skip')}</Table.Th>
                    {headerCells(data.rows[0]?.sheet ?? '')}
                    <Table.Th miw={200}>{t('importWizard.grid.changes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row, index) => {
                    const previous = data.rows[index - 1];
                    // Several sheets: each group of rows is named, the first one too.
                    const newSheet = previous === undefined ? severalSheets : previous.sheet !== row.sheet;
                    return (
                      <Fragment key={`${row.sheet}\u0000${row.row}`}>
                        {newSheet && (
                          <Table.Tr bg="var(--mantine-color-default-hover)">
                            <Table.Th colSpan={3}>{row.sheet}</Table.Th>
                            {/* The first sheet's column names are the table's own header, just above. */}
                            {previous === undefined ? (
                              <Table.Th colSpan={(columnsOf.get(row.sheet)?.length ?? 0) + 1} />
                            ) : (
                              <>
                                {headerCells(row.sheet)}
                                <Table.Th />
                              </>
                            )}
                          </Table.Tr>
                        )}
                        <GridRow
                          row={row}
                          columns={columnsOf.get(row.sheet) ?? []}
                          headers={data.headers[row.sheet] ?? []}
                          skipped={skipped.has(`${row.sheet}\u0000${row.row}`)}
                          dispatch={dispatch}
                        />
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        )}
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Stack>
    </Paper>
  );
}
