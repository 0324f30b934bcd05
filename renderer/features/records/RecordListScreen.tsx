import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { IconPlus, type Icon } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { canSortBy, computedSortLimit, type SortOrder } from '../../../shared/domain/list-query';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { exportColumnsFor, suggestedFileName } from '../export/export-columns';
import { ExportMenu } from '../export/ExportMenu';
import { BulkActionsBar } from './BulkActionsBar';
import { TrashActionsBar } from './TrashActionsBar';
import { ColumnsMenu } from './ColumnsMenu';
import { customValueText } from './ContactDetails';
import { customFilterFields, type FilterField } from './filter-fields';
import { ListToolbar } from './ListToolbar';
import { RecordTable, type RecordColumn } from './RecordTable';
import { SavedViewsBar } from './SavedViewsBar';
import { useListState } from './useListState';

/** Everything that differs between the people and companies lists. */
export type ListScreenConfig<Row extends { id: number }> = {
  entity: 'person' | 'company';
  channels: { list: 'people:list' | 'companies:list'; count: 'people:count' | 'companies:count' };
  bulkEntity: 'people' | 'companies';
  titleKey: string;
  newKey: string;
  /** Extra buttons next to "New" (e.g. the duplicates finder). */
  headerActions?: React.ReactNode;
  emptyKey: string;
  path: string;
  icon: Icon;
  filterFields: FilterField[];
  columns: RecordColumn<Row>[];
  defaultSort: SortOrder;
};

/** A column per custom field, offered in the columns menu (shown when picked, exported with the list). */
function customColumns<Row extends { customFields: CustomFieldValues }>(
  definitions: CustomFieldDefinition[],
  t: (key: string) => string,
  language: string,
): RecordColumn<Row>[] {
  return definitions.map((definition) => ({
    id: `custom.${definition.key}`,
    label: definition.label,
    grow: 1,
    minWidth: 140,
    sortField: `custom.${definition.key}`,
    render: (row) => (
      <Text size="sm" truncate="end">
        {customValueText(t, definition, row.customFields[definition.key], language) ?? ''}
      </Text>
    ),
  }));
}

/** A list screen: saved views, text filter, filter builder, trash, bulk actions, virtual table. */
export function RecordListScreen<Row extends { id: number; customFields: CustomFieldValues }>({
  config,
}: {
  config: ListScreenConfig<Row>;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const list = useListState(
    config.entity,
    config.defaultSort,
    config.columns.map((column) => column.id),
  );
  const customFields = useChannelQuery('customFields:list', { entity: config.entity });
  const filterFields = [...config.filterFields, ...customFilterFields(customFields.data ?? [])];
  // A condition on a field archived since (in a saved view, or remembered) is dropped: main refuses
  // a filter naming a field it doesn't know, and the whole list would go.
  const knownConditions = customFields.isSuccess
    ? list.filter.conditions.filter((condition) => filterFields.some((field) => field.id === condition.field))
    : list.filter.conditions;
  const dropsConditions = knownConditions.length !== list.filter.conditions.length;
  const { setConditions } = list;
  useEffect(() => {
    if (dropsConditions) setConditions(knownConditions);
  }, [dropsConditions, knownConditions, setConditions]);
  const count = useChannelQuery(config.channels.count, { filter: list.filter });
  const total = count.data?.count ?? 0;
  // A sort computed per row is offered up to its limit; past it the list keeps its default order.
  const sortable = (field: string) => canSortBy(field, total);
  const allColumns = [...config.columns, ...customColumns<Row>(customFields.data ?? [], t, i18n.language)];
  // A sort by a field no column has any more (a custom field archived since) is the default one.
  const known = customFields.isPending || allColumns.some((column) => column.sortField === list.sort.field);
  const sort = known && sortable(list.sort.field) ? list.sort : config.defaultSort;
  const columns = allColumns.map((column): RecordColumn<Row> =>
    column.sortField === undefined || sortable(column.sortField)
      ? column
      : {
          ...column,
          sortField: undefined,
          sortHint: t('records.list.sortTooBroad', {
            limit: formatNumber(computedSortLimit(column.sortField) ?? 0, i18n.language),
          }),
        },
  );
  const visibleColumns = list.columns.flatMap((id) => columns.filter((column) => column.id === id));
  const { selection } = list;
  const picked = selection.allMatching ? total : selection.selected.size;
  const filtered = list.filter.conditions.length > 0 || list.filter.text !== '' || list.trash;
  const exportColumns = exportColumnsFor(config.entity, list.columns);
  const exportName = suggestedFileName(t(config.titleKey));

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t(config.titleKey)}</Title>
          <Badge variant="light" size="lg" data-testid="record-count">
            {count.isPending ? '…' : formatNumber(total, i18n.language)}
          </Badge>
        </Group>
        <Group gap="xs">
          {config.headerActions}
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate(`${config.path}/new`)}>
            {t(config.newKey)}
          </Button>
        </Group>
      </Group>
      <SavedViewsBar
        entity={config.entity}
        current={{ filter: list.filter, sort: list.sort, columns: list.columns }}
        defaultColumns={config.columns.map((column) => column.id)}
        activeViewId={list.activeViewId}
        onApply={list.applyView}
      />
      <ListToolbar
        text={list.text}
        onTextChange={list.setText}
        fields={filterFields}
        conditions={list.conditions}
        onConditionsChange={list.setConditions}
        trash={list.trash}
        onTrashChange={list.setTrash}
        extra={
          <>
            <ColumnsMenu
              available={columns.map((column) => ({ id: column.id, label: column.label }))}
              shown={list.columns}
              onChange={list.setColumns}
            />
            <ExportMenu
              entity={config.entity}
              target={list.filter.conditions.length > 0 || list.filter.text !== '' ? { filter: list.filter } : null}
              columns={exportColumns}
              sort={sort}
              suggestedName={exportName}
              disabled={list.trash || total === 0}
            />
          </>
        }
      />
      {list.trash && (
        <TrashActionsBar
          entity={config.bulkEntity}
          picked={
            picked > 0
              ? {
                  target: selection.allMatching ? { filter: list.filter } : { ids: [...selection.selected] },
                  count: picked,
                }
              : null
          }
          onClear={selection.clearSelection}
        />
      )}
      {picked > 0 && !list.trash && (
        <BulkActionsBar
          entity={config.bulkEntity}
          target={selection.allMatching ? { filter: list.filter } : { ids: [...selection.selected] }}
          count={picked}
          totalMatching={total}
          onSelectAllMatching={selection.allMatching ? null : () => selection.setAllMatching(true)}
          onClear={selection.clearSelection}
          exportAction={
            <ExportMenu
              entity={config.entity}
              target={selection.allMatching ? { filter: list.filter } : { ids: [...selection.selected] }}
              columns={exportColumns}
              sort={sort}
              suggestedName={exportName}
              size="compact-sm"
            />
          }
        />
      )}
      {count.isError && (
        <Stack gap="xs" align="flex-start">
          <ErrorAlert error={count.error} />
          {filtered && (
            <Button
              variant="default"
              onClick={() => {
                list.setConditions([]);
                list.setText('');
                list.setTrash(false);
              }}
            >
              {t('records.filter.clear')}
            </Button>
          )}
        </Stack>
      )}
      {count.isSuccess && (
        <RecordTable
          queryKey={[config.channels.list, list.filter, sort]}
          position={list.position}
          onLeave={list.rememberPosition}
          total={total}
          fetchPage={async (offset, limit) =>
            (
              await call(config.channels.list, {
                filter: list.filter,
                sort,
                offset,
                limit,
                // The count picks the faster plan: walk the sort's index, or sort the few matches.
                matchingHint: total,
              })
            ).rows as unknown as Row[]
          }
          columns={visibleColumns}
          sort={sort}
          onSortChange={list.setSort}
          onOpen={(row) => navigate(`${config.path}/${row.id}`)}
          ariaLabel={t(config.titleKey)}
          selectAllLabel={t('records.bulk.selectAllRows')}
          selectRowLabel={t('records.bulk.selectRow')}
          selection={{
            selected: selection.selected,
            allMatching: selection.allMatching,
            onToggle: selection.toggle,
            onToggleAll: () =>
              selection.allMatching || selection.selected.size > 0
                ? selection.clearSelection()
                : selection.setAllMatching(true),
          }}
          empty={
            <Stack align="center" gap="xs">
              <config.icon size={40} stroke={1.3} opacity={0.5} />
              <Text c="dimmed">
                {list.trash && list.filter.conditions.length === 0 && list.filter.text === ''
                  ? t('records.list.trashEmpty')
                  : filtered
                    ? t('records.list.noMatches')
                    : t(config.emptyKey)}
              </Text>
            </Stack>
          }
        />
      )}
    </Stack>
  );
}
