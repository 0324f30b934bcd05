import { useTranslation } from 'react-i18next';
import { mergeableFields, type MergeableField } from '../../../shared/domain/duplicates';
import type { Person } from '../../../shared/domain/people';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { MergeScreen, type MergeField } from '../duplicates/MergeScreen';

/** Consent is merged by its own rules (kept unless empty); the rest are shown as choices. */
const fields = mergeableFields.filter(
  (field): field is Exclude<MergeableField, 'contactConsent' | 'marketingConsent'> =>
    field !== 'contactConsent' && field !== 'marketingConsent',
);
type Field = (typeof fields)[number];

function shown(person: Person, field: Field, t: (key: string) => string): string {
  switch (field) {
    case 'companyId':
      return person.company?.name ?? '';
    case 'ownerId':
      return person.owner?.name ?? '';
    case 'preferredChannel':
      return person.preferredChannel ? t(`records.channels.${person.preferredChannel}`) : '';
    default:
      return person[field] ?? '';
  }
}

/** Two people side by side: pick each differing value, see the combined contacts, merge. */
export function MergePage({ survivorId, mergedId }: { survivorId: number; mergedId: number }) {
  const { t } = useTranslation();
  const survivor = useChannelQuery('people:get', { id: survivorId });
  const merged = useChannelQuery('people:get', { id: mergedId });
  const rows: Array<MergeField<Person>> = fields.map((field) => ({
    field,
    label: t(`records.fields.${field === 'companyId' ? 'company' : field === 'ownerId' ? 'owner' : field}`),
    show: (person) => shown(person, field, t),
  }));
  return (
    <MergeScreen
      entity="person"
      survivor={survivor}
      merged={merged}
      fields={rows}
      nameOf={(person) => person.displayName}
      movesNote={() => t('merge.timelineMoves')}
      merge={(a, b, choices) => call('people:merge', { survivorId: a.id, mergedId: b.id, choices })}
      unmerge={(mergeId) => call('people:unmerge', { mergeId })}
    />
  );
}
