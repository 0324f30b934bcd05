import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CompanyListRow } from '../../../shared/domain/companies-list';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { formatNumber } from '../../components/format';
import { companyFilterFields, customFilterFields } from '../records/filter-fields';
import { ListToolbar } from '../records/ListToolbar';
import { RecordTable, type RecordColumn } from '../records/RecordTable';
import { TagBadges } from '../records/TagBadges';
import { useListState } from '../records/useListState';

export function CompaniesListPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const list = useListState({ field: 'name', direction: 'asc' });
  const customFields = useChannelQuery('customFields:list', { entity: 'company' });
  const count = useChannelQuery('companies:count', { filter: list.filter });
  const total = count.data?.count ?? 0;

  const columns: RecordColumn<CompanyListRow>[] = [
    {
      id: 'name',
      label: t('records.fields.name'),
      grow: 2,
      minWidth: 240,
      sortField: 'name',
      render: (row) => (
        <Text size="sm" fw={500} truncate="end">
          {row.name}
        </Text>
      ),
    },
    {
      id: 'industry',
      label: t('records.fields.industry'),
      grow: 1,
      minWidth: 140,
      sortField: 'industry',
      render: (row) => row.industry,
    },
    {
      id: 'city',
      label: t('records.fields.city'),
      grow: 0,
      minWidth: 140,
      sortField: 'city',
      render: (row) => row.city,
    },
    { id: 'phone', label: t('records.fields.phone'), grow: 0, minWidth: 170, render: (row) => row.phone },
    { id: 'email', label: t('records.fields.email'), grow: 1, minWidth: 160, render: (row) => row.email },
    {
      id: 'people',
      label: t('companies.peopleCount'),
      grow: 0,
      minWidth: 90,
      render: (row) => formatNumber(row.peopleCount, i18n.language),
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
      minWidth: 150,
      render: (row) => <TagBadges tags={row.tags} />,
    },
  ];

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('companies.title')}</Title>
          <Badge variant="light" size="lg">
            {count.isPending ? '…' : formatNumber(total, i18n.language)}
          </Badge>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/companies/new')}>
          {t('companies.new')}
        </Button>
      </Group>
      <ListToolbar
        text={list.text}
        onTextChange={list.setText}
        fields={[...companyFilterFields, ...customFilterFields(customFields.data ?? [])]}
        conditions={list.conditions}
        onConditionsChange={list.setConditions}
        trash={list.trash}
        onTrashChange={list.setTrash}
      />
      {count.isSuccess && (
        <RecordTable
          queryKey={['companies:list', list.filter, list.sort]}
          total={total}
          fetchPage={async (offset, limit) =>
            (await call('companies:list', { filter: list.filter, sort: list.sort, offset, limit })).rows
          }
          columns={columns}
          sort={list.sort}
          onSortChange={list.setSort}
          onOpen={(row) => navigate(`/companies/${row.id}`)}
          ariaLabel={t('companies.title')}
          empty={
            <Stack align="center" gap="xs">
              <IconBuilding size={40} stroke={1.3} opacity={0.5} />
              <Text c="dimmed">
                {list.filter.conditions.length > 0 || list.filter.text || list.trash
                  ? t('records.list.noMatches')
                  : t('companies.empty')}
              </Text>
            </Stack>
          }
        />
      )}
    </Stack>
  );
}
