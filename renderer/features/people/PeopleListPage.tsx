import { Anchor, Button, Text } from '@mantine/core';
import { IconCopy, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DEFAULT_SORT } from '../../../shared/domain/list-query';
import type { PersonListRow } from '../../../shared/domain/people-list';
import { peopleFilterFields } from '../records/filter-fields';
import { RecordListScreen, type ListScreenConfig } from '../records/RecordListScreen';
import { ownerAndTagsColumns, phoneAndEmailColumns } from '../records/owner-and-tags-columns';

export function PeopleListPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const config: ListScreenConfig<PersonListRow> = {
    entity: 'person',
    channels: { list: 'people:list', count: 'people:count' },
    bulkEntity: 'people',
    titleKey: 'people.title',
    newKey: 'people.new',
    emptyKey: 'people.empty',
    headerActions: (
      <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => navigate('/people/duplicates')}>
        {t('duplicates.title')}
      </Button>
    ),
    path: '/people',
    icon: IconUsers,
    filterFields: peopleFilterFields,
    defaultSort: DEFAULT_SORT,
    columns: [
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
      ...phoneAndEmailColumns<PersonListRow>(t, 1.2),
      {
        id: 'city',
        label: t('records.fields.city'),
        grow: 0,
        minWidth: 130,
        sortField: 'city',
        render: (row) => row.city,
      },
      ...ownerAndTagsColumns<PersonListRow>(t, 160),
    ],
  };
  return <RecordListScreen config={config} />;
}
