import { Box, Center, Checkbox, Group, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SortOrder } from '../../../shared/domain/list-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import classes from './RecordTable.module.css';
import type { ListPosition } from './useListState';

export type RecordColumn<Row> = {
  id: string;
  label: string;
  /** Share of the spare width (a CSS fr) — 0 keeps the column at its minimum. */
  grow: number;
  /** Minimum width in pixels; the table scrolls sideways when the columns don't fit. */
  minWidth: number;
  render: (row: Row) => ReactNode;
  /** The list query's sort field; columns without one can't be sorted. */
  sortField?: string;
  /** Why the column can't be sorted now (shown on its header). */
  sortHint?: string;
};

type RecordTableProps<Row extends { id: number }> = {
  /** Identifies the query (entity + filter + sort); pages are cached under it. */
  queryKey: readonly unknown[];
  total: number;
  fetchPage: (offset: number, limit: number) => Promise<Row[]>;
  columns: RecordColumn<Row>[];
  sort: SortOrder;
  onSortChange: (sort: SortOrder) => void;
  onOpen: (row: Row) => void;
  /** Where the table was left for this query (scroll and active row), to show it there again. */
  position?: ListPosition | undefined;
  /** Told where the table is when it goes. */
  onLeave?: (position: ListPosition) => void;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  ariaLabel: string;
  selectAllLabel?: string;
  selectRowLabel?: string;
  /** Row checkboxes for bulk actions; `allMatching` ticks every row, loaded or not. */
  selection?: {
    selected: ReadonlySet<number>;
    allMatching: boolean;
    onToggle: (id: number) => void;
    onToggleAll: () => void;
  };
};

const SELECT_COLUMN_WIDTH = 44;

const ROW_HEIGHT = 44;
const PAGE_SIZE = 100;

/**
 * A list that stays fast with a million rows: only the visible rows are rendered, and only the
 * pages they fall on are fetched. Arrow keys move, Enter opens, Home/End jump.
 */
export function RecordTable<Row extends { id: number }>(props: RecordTableProps<Row>) {
  const { total, columns, sort, selectAllLabel, selectRowLabel } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const query = JSON.stringify(props.queryKey);
  // A position left on another filter or sort means nothing here.
  const [resumed] = useState(() => (props.position?.query === query ? props.position : undefined));
  // Rows may have gone meanwhile (the one opened, deleted): the active one stays within the list.
  const [active, setActive] = useState(Math.max(0, Math.min(resumed?.active ?? 0, total - 1)));
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: resumed?.offset ?? 0,
  });
  const leaving = useRef<ListPosition>({ query, offset: 0, active: 0 });
  leaving.current = { query, offset: virtualizer.scrollOffset ?? 0, active };
  const onLeave = useRef(props.onLeave);
  onLeave.current = props.onLeave;
  useEffect(() => {
    if (resumed) scrollRef.current?.scrollTo({ top: resumed.offset });
    return () => onLeave.current?.(leaving.current);
  }, [resumed]);
  const items = virtualizer.getVirtualItems();
  const pages = [...new Set(items.map((item) => Math.floor(item.index / PAGE_SIZE)))];
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: [...props.queryKey, 'page', page],
      queryFn: () => props.fetchPage(page * PAGE_SIZE, PAGE_SIZE),
      staleTime: 30_000,
    })),
  });
  const rowAt = (index: number): Row | undefined => {
    const position = pages.indexOf(Math.floor(index / PAGE_SIZE));
    return results[position]?.data?.[index % PAGE_SIZE];
  };
  const template = columns
    .map((column) => (column.grow > 0 ? `minmax(${column.minWidth}px, ${column.grow}fr)` : `${column.minWidth}px`))
    .join(' ');
  const selection = props.selection;
  const selectTrack = selection ? `${SELECT_COLUMN_WIDTH}px ` : '';
  const gridTemplate = selectTrack + template;
  const minWidth = columns.reduce((sum, column) => sum + column.minWidth, selection ? SELECT_COLUMN_WIDTH : 0);

  function move(to: number) {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // A focused header, link or field inside the grid handles its own keys (Enter sorts, opens the company).
    if (event.target !== event.currentTarget && (event.target as HTMLElement).closest('a, button, input')) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row) props.onOpen(row);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  if (total === 0) return <Center py="xl">{props.empty}</Center>;
  // A page that can't be read would stay grey skeleton rows: say why instead.
  const failed = results.find((result) => result.isError);
  if (failed) return <ErrorAlert error={failed.error} />;

  // One scroll container for both axes, so the sticky header scrolls sideways with the rows.
  return (
    <div
      ref={scrollRef}
      className={classes.table}
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={total}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="record-table-body"
    >
      <div className={classes.header} style={{ gridTemplateColumns: gridTemplate, minWidth }} role="row">
        {selection && (
          <div role="columnheader" className={classes.headerCell}>
            <Checkbox
              aria-label={selectAllLabel}
              checked={selection.allMatching}
              indeterminate={!selection.allMatching && selection.selected.size > 0}
              onChange={selection.onToggleAll}
            />
          </div>
        )}
        {columns.map((column) => (
          <HeaderCell key={column.id} column={column} sort={sort} onSortChange={props.onSortChange} />
        ))}
      </div>
      <Box style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1}
              className={classes.row}
              data-active={item.index === active || undefined}
              data-selected={(row && (selection?.allMatching || selection?.selected.has(row.id))) || undefined}
              style={{
                gridTemplateColumns: gridTemplate,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              }}
              onClick={() => {
                setActive(item.index);
                // Opening unmounts the table before it renders again: the row it left from, said now.
                leaving.current = { ...leaving.current, active: item.index };
                if (row) props.onOpen(row);
              }}
            >
              {selection && (
                <div role="gridcell" className={classes.cell} onClick={(event) => event.stopPropagation()}>
                  {row && (
                    <Checkbox
                      aria-label={selectRowLabel}
                      checked={selection.allMatching || selection.selected.has(row.id)}
                      disabled={selection.allMatching}
                      onChange={() => selection.onToggle(row.id)}
                    />
                  )}
                </div>
              )}
              {columns.map((column) => (
                <div key={column.id} role="gridcell" className={classes.cell} onMouseEnter={titleClippedText}>
                  {row ? column.render(row) : <Skeleton height={12} width="70%" />}
                </div>
              ))}
            </div>
          );
        })}
      </Box>
    </div>
  );
}

/**
 * A cell whose text is cut off at its end («Константинопольская-Заду…») shows the whole text when
 * hovered; one that fits shows none. Measured on hover: columns change width with the window.
 */
function titleClippedText(event: React.MouseEvent<HTMLElement>) {
  const cell = event.currentTarget;
  const clipped = [cell, ...cell.querySelectorAll<HTMLElement>('*')].some(
    (element) => element.scrollWidth > element.clientWidth,
  );
  const text = cell.textContent?.trim() ?? '';
  if (clipped && text !== '') cell.title = text;
  else cell.removeAttribute('title');
}

function HeaderCell<Row>({
  column,
  sort,
  onSortChange,
}: {
  column: RecordColumn<Row>;
  sort: SortOrder;
  onSortChange: (sort: SortOrder) => void;
}) {
  const sorted = column.sortField !== undefined && sort.field === column.sortField;
  const label = (
    <Text size="sm" fw={600} truncate="end">
      {column.label}
    </Text>
  );
  if (!column.sortField) {
    return (
      <div role="columnheader" className={classes.headerCell} title={column.sortHint}>
        {label}
      </div>
    );
  }
  const sortField = column.sortField;
  return (
    <UnstyledButton
      role="columnheader"
      aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={classes.headerCell}
      onClick={() => onSortChange({ field: sortField, direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc' })}
    >
      <Group gap={4} wrap="nowrap">
        {label}
        {sorted && (sort.direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />)}
      </Group>
    </UnstyledButton>
  );
}
