import type { TFunction } from 'i18next';
import type { RecordColumn } from './RecordTable';
import { TagBadges } from './TagBadges';

type WithOwnerAndTags = { id: number; owner: { name: string } | null; tags: string[] };

/** The owner and tags columns every record list ends with. */
export function ownerAndTagsColumns<Row extends WithOwnerAndTags>(
  t: TFunction,
  tagsWidth: number,
): RecordColumn<Row>[] {
  return [
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
      minWidth: tagsWidth,
      render: (row) => <TagBadges tags={row.tags} />,
    },
  ];
}
