import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';

type CompanyPickerProps = {
  value: { id: number; name: string } | null;
  onChange: (value: { id: number; name: string } | null) => void;
  /** In a detail page's row, which names the field already: no label of its own, focused at once. */
  inline?: boolean;
};

/** Picks a company by typing part of its name (the same search as the search box). */
export function CompanyPicker({ value, onChange, inline = false }: CompanyPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 150);
  const results = useChannelQuery(
    'search:query',
    { query: debounced, limit: 20, types: ['company'] },
    debounced.trim() !== '',
  );
  const options = new Map((results.data?.hits ?? []).map((hit) => [String(hit.id), hit.displayName]));
  if (value) options.set(String(value.id), value.name);
  return (
    <Select
      label={inline ? undefined : t('records.fields.company')}
      aria-label={t('records.fields.company')}
      autoFocus={inline}
      name="company"
      searchable
      clearable
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ? { id: Number(id), name: options.get(id) ?? '' } : null)}
      nothingFoundMessage={debounced ? t('records.form.noCompanies') : t('records.form.typeToSearch')}
      filter={({ options: all }) => all}
    />
  );
}
