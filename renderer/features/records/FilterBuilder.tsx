import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
  type ComboboxProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilter, IconPlus, IconX } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition, FilterOperator } from '../../../shared/domain/list-query';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { DecimalInput } from '../../components/DecimalInput';
import { dropDownOpen } from '../../components/drop-down';
import { valuelessOperators, type FilterField } from './filter-fields';
import { DateField } from '../../components/DateField';

type FilterBuilderProps = {
  fields: FilterField[];
  conditions: FilterCondition[];
  onChange: (conditions: FilterCondition[]) => void;
};

/** Field / operator / value rows, all of which must hold (AND). Applied when the user says so. */
export function FilterBuilder({ fields, conditions, onChange }: FilterBuilderProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<FilterCondition[]>(conditions);
  const label = (field: FilterField) => (field.translated ? t(field.label) : field.label);

  function open() {
    setDraft(
      conditions.length > 0 ? conditions : [{ field: fields[0]!.id, operator: fields[0]!.operators[0]!, value: null }],
    );
    setOpened(true);
  }

  function update(index: number, patch: Partial<FilterCondition>) {
    setDraft((current) => current.map((condition, i) => (i === index ? { ...condition, ...patch } : condition)));
  }

  function apply() {
    onChange(draft.filter((condition) => valuelessOperators.has(condition.operator) || isFilled(condition.value)));
    setOpened(false);
  }

  return (
    // Esc is handled on the dropdown, after the boxes in it: the popover's own handler runs first,
    // and an Esc meant for a drop-down closed the whole popover, losing the conditions being edited.
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      width={720}
      shadow="md"
      trapFocus
      closeOnEscape={false}
    >
      <Popover.Target>
        <Button
          variant={conditions.length > 0 ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          rightSection={conditions.length > 0 ? <Badge size="sm">{conditions.length}</Badge> : null}
          onClick={() => (opened ? setOpened(false) : open())}
        >
          {t('records.filter.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !dropDownOpen(event.target)) setOpened(false);
        }}
      >
        {/* A form: Enter in a value box applies the filter, as the button does. */}
        <Stack
          component="form"
          gap="sm"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <Text size="sm" c="dimmed">
            {t('records.filter.hint')}
          </Text>
          {draft.map((condition, index) => {
            const field = fields.find((candidate) => candidate.id === condition.field) ?? fields[0]!;
            return (
              <Group key={index} gap="xs" wrap="nowrap" align="flex-start" data-testid="filter-condition">
                <Select
                  aria-label={t('records.filter.field')}
                  comboboxProps={{ withinPortal: false }}
                  w={190}
                  data={fields.map((candidate) => ({ value: candidate.id, label: label(candidate) }))}
                  value={field.id}
                  allowDeselect={false}
                  searchable
                  onChange={(value) => {
                    const next = fields.find((candidate) => candidate.id === value) ?? field;
                    update(index, { field: next.id, operator: next.operators[0]!, value: null });
                  }}
                />
                <Select
                  aria-label={t('records.filter.operator')}
                  comboboxProps={{ withinPortal: false }}
                  w={170}
                  data={field.operators.map((operator) => ({
                    value: operator,
                    label: t(`records.operators.${operator}`),
                  }))}
                  value={condition.operator}
                  allowDeselect={false}
                  onChange={(value) => update(index, { operator: (value ?? field.operators[0]) as FilterOperator })}
                />
                {!valuelessOperators.has(condition.operator) && (
                  <ValueInput
                    field={field}
                    value={condition.value ?? null}
                    onChange={(value) => update(index, { value })}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  aria-label={t('records.filter.remove')}
                  onClick={() => setDraft((current) => current.filter((_, i) => i !== index))}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            );
          })}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setDraft((current) => [
                  ...current,
                  { field: fields[0]!.id, operator: fields[0]!.operators[0]!, value: null },
                ])
              }
            >
              {t('records.filter.add')}
            </Button>
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  onChange([]);
                  setOpened(false);
                }}
              >
                {t('records.filter.clear')}
              </Button>
              <Button type="submit">{t('records.filter.apply')}</Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function isFilled(value: FilterCondition['value']): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return String(value).trim() !== '';
}

type Value = FilterCondition['value'];

function ValueInput({
  field,
  value,
  onChange,
}: {
  field: FilterField;
  value: Value;
  onChange: (value: Value) => void;
}) {
  const { t } = useTranslation();
  const users = useChannelQuery('users:list', {}, field.valueKind === 'owner');
  const tags = useChannelQuery('tags:list', {}, field.valueKind === 'tags');
  // Dropdowns stay inside the popover: in a portal, a click on them would close it.
  const common = { 'aria-label': t('records.filter.value'), style: { flex: 1 } };
  const inPopover = { ...common, comboboxProps: { withinPortal: false } };
  switch (field.valueKind) {
    case 'company':
      return <CompaniesValue {...inPopover} value={value} onChange={onChange} />;
    case 'owner':
      return (
        <MultiSelect
          {...inPopover}
          data={(users.data ?? []).map((user) => ({ value: String(user.id), label: user.displayName }))}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(selected) => onChange(selected.map(Number))}
        />
      );
    case 'tags':
      return (
        <MultiSelect
          {...inPopover}
          searchable
          data={(tags.data ?? []).map((tag) => tag.name)}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
        />
      );
    case 'options':
      return (
        <MultiSelect
          {...inPopover}
          data={field.options ?? []}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
        />
      );
    case 'boolean':
      return (
        <Select
          {...inPopover}
          data={[
            { value: 'true', label: t('records.filter.yes') },
            { value: 'false', label: t('records.filter.no') },
          ]}
          value={value === null ? null : String(value)}
          onChange={(selected) => onChange(selected === 'true')}
        />
      );
    case 'number':
      return <DecimalInput {...common} value={typeof value === 'number' ? value : null} onChange={onChange} />;
    case 'date':
      return (
        <DateField
          {...common}
          popoverProps={{ withinPortal: false }}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/** Companies picked by typing part of their name; those already picked are named by their id. */
function CompaniesValue({
  value,
  onChange,
  ...props
}: {
  value: Value;
  onChange: (value: Value) => void;
  'aria-label': string;
  style: CSSProperties;
  comboboxProps: ComboboxProps;
}) {
  const { t } = useTranslation();
  const ids = Array.isArray(value) ? value.map(Number) : [];
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const results = useChannelQuery(
    'search:query',
    { query: debounced, limit: 20, types: ['company'] },
    debounced.trim() !== '',
  );
  const picked = useQueries({
    queries: ids.map((id) => ({ queryKey: ['companies:get', { id }], queryFn: () => call('companies:get', { id }) })),
  });
  const names = new Map<string, string>();
  picked.forEach((query, index) => names.set(String(ids[index]), query.data?.name ?? `#${ids[index]}`));
  for (const hit of results.data?.hits ?? []) names.set(String(hit.id), hit.displayName);
  return (
    <MultiSelect
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...names].map(([id, name]) => ({ value: id, label: name }))}
      value={ids.map(String)}
      onChange={(selected) => onChange(selected.map(Number))}
      filter={({ options }) => options}
      nothingFoundMessage={debounced ? t('records.form.noCompanies') : t('records.form.typeToSearch')}
    />
  );
}
