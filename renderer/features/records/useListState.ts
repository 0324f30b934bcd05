import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { FilterCondition, SortOrder } from '../../../shared/domain/list-query';
import type { SavedView } from '../../../shared/domain/saved-views';

/**
 * What a list screen shows: text, conditions, trash, sort, the saved view it came from, and the
 * picked rows. The text is debounced before it reaches queries.
 */
export function useListState(defaultSort: SortOrder, defaultColumns: string[]) {
  const [text, setText] = useState('');
  const [conditions, setConditions] = useState<FilterCondition[]>([]);
  const [trash, setTrash] = useState(false);
  const [sort, setSort] = useState<SortOrder>(defaultSort);
  const [columns, setColumns] = useState<string[]>(defaultColumns);
  const [activeViewId, setActiveViewId] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [debouncedText] = useDebouncedValue(text, 200);
  const filter = { conditions, text: debouncedText, trash };

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

  return {
    text,
    setText,
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
