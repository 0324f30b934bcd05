import type { TFunction } from 'i18next';
import type { RecordColumn } from './RecordTable';
import { TagBadges } from './TagBadges';
import { shownPhone } from '../../components/format';

type WithOwnerAndTags = { id: number; owner: { name: string } | null; tags: string[] };
type WithContacts = { id: number; phone: string | null; email: string | null };

/** The first phone and e-mail: the columns both record lists show. */
export function phoneAndEmailColumns<Row extends WithContacts>(t: TFunction, emailGrow: number): RecordColumn<Row>[] {
  return [
    {
      id: 'phone',
      label: t('records.fields.phone'),
      grow: 0,
      minWidth: 170,
      sortField: 'phone',
      render: (row) => row.phone && shownPhone(row.phone, t),
    },
    {
      id: 'email',
      label: t('records.fields.email'),
      grow: emailGrow,
      minWidth: 160,
      sortField: 'email',
      render: (row) => row.email,
    },
  ];
}

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
      sortField: 'tags',
      render: (row) => <TagBadges tags={row.tags} />,
    },
  ];
}
