import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { FilterCondition, SortOrder } from '../../../shared/domain/list-query';
import type { SavedView } from '../../../shared/domain/saved-views';

/** Where the list was scrolled to and which row was active, for the query it showed. */
export type ListPosition = { query: string; offset: number; active: number };

type ListSnapshot = {
  text: string;
  conditions: FilterCondition[];
  trash: boolean;
  sort: SortOrder;
  columns: string[];
  activeViewId: number | null;
  selected: ReadonlySet<number>;
  allMatching: boolean;
  position?: ListPosition;
};

/**
 * Where a list's state is remembered while its screen is closed (a record opened from it, another
 * screen): in the query cache, so it lasts as long as the open database and goes with it.
 */
export const LIST_STATE_KEY = 'listState';

/**
 * What a list screen shows: text, conditions, trash, sort, the saved view it came from, and the
 * picked rows. The text is debounced before it reaches queries. Coming back to the list (from a
 * record opened from it, say) finds it as it was left.
 */
export function useListState(listId: string, defaultSort: SortOrder, defaultColumns: string[]) {
  const queryClient = useQueryClient();
  const [remembered] = useState(() => queryClient.getQueryData<Partial<ListSnapshot>>([LIST_STATE_KEY, listId]));
  const [text, setText] = useState(remembered?.text ?? '');
  const [conditions, setConditions] = useState<FilterCondition[]>(remembered?.conditions ?? []);
  const [trash, setTrash] = useState(remembered?.trash ?? false);
  const [sort, setSort] = useState<SortOrder>(remembered?.sort ?? defaultSort);
  const [columns, setColumns] = useState<string[]>(remembered?.columns ?? defaultColumns);
  const [activeViewId, setActiveViewId] = useState<number | null>(remembered?.activeViewId ?? null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(remembered?.selected ?? new Set());
  const [allMatching, setAllMatching] = useState(remembered?.allMatching ?? false);
  const [debouncedText] = useDebouncedValue(text, 200);
  const filter = { conditions, text: debouncedText, trash };

  useEffect(() => {
    const snapshot: ListSnapshot = { text, conditions, trash, sort, columns, activeViewId, selected, allMatching };
    queryClient.setQueryData([LIST_STATE_KEY, listId], snapshot);
  }, [queryClient, listId, text, conditions, trash, sort, columns, activeViewId, selected, allMatching]);

  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };

  function applyView(view: SavedView | null) {
    setActiveViewId(view?.id ?? null);
    setConditions(view?.filter.conditions ?? []);
    setText(view?.filter.text ?? '');
    setTrash(view?.filter.trash ?? false);
    setSort(view?.sort ?? defaultSort);
    setColumns(view && view.columns.length > 0 ? view.columns : defaultColumns);
    clearSelection();
  }

  function toggle(id: number) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  /** Kept when the table goes (a record opened from it): coming back finds the same rows in view. */
  function rememberPosition(position: ListPosition) {
    queryClient.setQueryData<Partial<ListSnapshot>>([LIST_STATE_KEY, listId], (snapshot) => ({
      ...snapshot,
      position,
    }));
  }

  return {
    position: remembered?.position,
    rememberPosition,
    text,
    setText: (next: string) => {
      setText(next);
      // Rows picked before would stay picked while hidden, and a bulk action would reach them.
      clearSelection();
    },
    conditions,
    setConditions: (next: FilterCondition[]) => {
      setConditions(next);
      clearSelection();
    },
    trash,
    setTrash: (next: boolean) => {
      setTrash(next);
      // Picked live records are no trash records, and the other way round.
      clearSelection();
    },
    sort,
    setSort,
    columns,
    setColumns,
    filter,
    activeViewId,
    applyView,
    selection: { selected, allMatching, toggle, setAllMatching, clearSelection },
  };
}

/**
 * Opens a list showing only the records matching `conditions` (a company's people, from its page):
 * its columns and sort as the user left them, no text, view or picks.
 */
export function useOpenFilteredList() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return (listId: string, path: string, conditions: FilterCondition[]) => {
    const remembered = queryClient.getQueryData<Partial<ListSnapshot>>([LIST_STATE_KEY, listId]);
    const snapshot: Partial<ListSnapshot> = {
      ...remembered,
      text: '',
      conditions,
      trash: false,
      activeViewId: null,
      selected: new Set(),
      allMatching: false,
    };
    queryClient.setQueryData([LIST_STATE_KEY, listId], snapshot);
    navigate(path);
  };
}
