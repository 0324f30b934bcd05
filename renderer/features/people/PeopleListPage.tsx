import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { PersonListRow } from '../../../shared/domain/people-list';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { formatNumber } from '../../components/format';
import { customFilterFields, peopleFilterFields } from '../records/filter-fields';
import { ListToolbar } from '../records/ListToolbar';
import { RecordTable, type RecordColumn } from '../records/RecordTable';
import { TagBadges } from '../records/TagBadges';
import { useListState } from '../records/useListState';

export function PeopleListPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const list = useListState({ field: 'name', direction: 'asc' });
  const customFields = useChannelQuery('customFields:list', { entity: 'person' });
  const count = useChannelQuery('people:count', { filter: list.filter });
  const total = count.data?.count ?? 0;

  const columns: RecordColumn<PersonListRow>[] = [
    {
      id: 'name',
      label: t('records.fields.name'),
      grow: 2,
      minWidth: 220,
      sortField: 'name',
      render: (row) => (
        <Text size="sm" fw={500} truncate="end">
          {row.displayName}
        </Text>
      ),
    },
    {
      id: 'company',
      label: t('records.fields.company'),
      grow: 1.5,
      minWidth: 160,
      sortField: 'company',
      render: (row) =>
        row.company ? (
          <Anchor size="sm" href={`#/companies/${row.company.id}`} onClick={(event) => event.stopPropagation()}>
            {row.company.name}
          </Anchor>
        ) : null,
    },
    {
      id: 'position',
      label: t('records.fields.position'),
      grow: 1,
      minWidth: 120,
      sortField: 'position',
      render: (row) => row.position,
    },
    { id: 'phone', label: t('records.fields.phone'), grow: 0, minWidth: 170, render: (row) => row.phone },
    { id: 'email', label: t('records.fields.email'), grow: 1.2, minWidth: 160, render: (row) => row.email },
    {
      id: 'city',
      label: t('records.fields.city'),
      grow: 0,
      minWidth: 130,
      sortField: 'city',
      render: (row) => row.city,
    },
    {
      id: 'owner',
      label: t('records.fields.owner'),
      grow: 0,
      minWidth: 140,
      sortField: 'owner',
      render: (row) => row.owner?.name,
    },
    {
      id: 'tags',
      label: t('records.fields.tags'),
      grow: 0,
      minWidth: 160,
      render: (row) => <TagBadges tags={row.tags} />,
    },
  ];

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('people.title')}</Title>
          <Badge variant="light" size="lg" data-testid="people-count">
            {count.isPending ? '…' : formatNumber(total, i18n.language)}
          </Badge>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/people/new')}>
          {t('people.new')}
        </Button>
      </Group>
      <ListToolbar
        text={list.text}
        onTextChange={list.setText}
        fields={[...peopleFilterFields, ...customFilterFields(customFields.data ?? [])]}
        conditions={list.conditions}
        onConditionsChange={list.setConditions}
        trash={list.trash}
        onTrashChange={list.setTrash}
      />
      {count.isSuccess && (
        <RecordTable
          queryKey={['people:list', list.filter, list.sort]}
          total={total}
          fetchPage={async (offset, limit) =>
            (await call('people:list', { filter: list.filter, sort: list.sort, offset, limit })).rows
          }
          columns={columns}
          sort={list.sort}
          onSortChange={list.setSort}
          onOpen={(row) => navigate(`/people/${row.id}`)}
          ariaLabel={t('people.title')}
          empty={
            <Stack align="center" gap="xs">
              <IconUsers size={40} stroke={1.3} opacity={0.5} />
              <Text c="dimmed">
                {list.filter.conditions.length > 0 || list.filter.text || list.trash
                  ? t('records.list.noMatches')
                  : t('people.empty')}
              </Text>
            </Stack>
          }
        />
      )}
    </Stack>
  );
}
