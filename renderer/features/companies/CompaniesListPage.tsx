import { Button, Text } from '@mantine/core';
import { IconBuilding, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DEFAULT_SORT } from '../../../shared/domain/list-query';
import type { CompanyListRow } from '../../../shared/domain/companies-list';
import { formatNumber } from '../../components/format';
import { companyFilterFields } from '../records/filter-fields';
import { RecordListScreen, type ListScreenConfig } from '../records/RecordListScreen';
import { ownerAndTagsColumns, phoneAndEmailColumns } from '../records/owner-and-tags-columns';

export function CompaniesListPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const config: ListScreenConfig<CompanyListRow> = {
    entity: 'company',
    channels: { list: 'companies:list', count: 'companies:count' },
    bulkEntity: 'companies',
    titleKey: 'companies.title',
    newKey: 'companies.new',
    emptyKey: 'companies.empty',
    headerActions: (
      <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => navigate('/companies/duplicates')}>
        {t('duplicates.title')}
      </Button>
    ),
    path: '/companies',
    icon: IconBuilding,
    filterFields: companyFilterFields,
    defaultSort: DEFAULT_SORT,
    columns: [
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
      ...phoneAndEmailColumns<CompanyListRow>(t, 1),
      {
        id: 'people',
        label: t('companies.peopleCount'),
        grow: 0,
        minWidth: 90,
        sortField: 'peopleCount',
        render: (row) => formatNumber(row.peopleCount, i18n.language),
      },
      ...ownerAndTagsColumns<CompanyListRow>(t, 150),
    ],
  };
  return <RecordListScreen config={config} />;
}
