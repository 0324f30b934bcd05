import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { FilterCondition, SortOrder } from '../../../shared/domain/list-query';

/** What a list screen shows: text, conditions, trash and sort; the text is debounced for queries. */
export function useListState(defaultSort: SortOrder) {
  const [text, setText] = useState('');
  const [conditions, setConditions] = useState<FilterCondition[]>([]);
  const [trash, setTrash] = useState(false);
  const [sort, setSort] = useState<SortOrder>(defaultSort);
  const [debouncedText] = useDebouncedValue(text, 200);
  const filter = { conditions, text: debouncedText, trash };
  return { text, setText, conditions, setConditions, trash, setTrash, sort, setSort, filter };
}
