import { useTranslation } from 'react-i18next';
import { mergeableFields, type MergeableField } from '../../../shared/domain/duplicates';
import { laterConsent, type Consent, type Person } from '../../../shared/domain/people';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../components/format';
import { consentSource } from './PrivacyActions';
import { customMergeFields, MergeScreen, type MergeField } from '../duplicates/MergeScreen';

type Field = MergeableField;
const consentFields = new Set<Field>(['contactConsent', 'marketingConsent']);

function consentText(consent: Consent | null, t: (key: string) => string, language: string): string {
  if (consent === null) return '';
  const answer = t(consent.granted ? 'records.filter.yes' : 'records.filter.no');
  const source = consent.source && consentSource(consent.source, t);
  return [answer, consent.at && formatDateTime(consent.at, language), source].filter(Boolean).join(', ');
}

function shown(person: Person, field: Field, t: (key: string) => string, language: string): string {
  switch (field) {
    case 'contactConsent':
    case 'marketingConsent':
      return consentText(person[field], t, language);
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
  const { t, i18n } = useTranslation();
  const survivor = useChannelQuery('people:get', { id: survivorId });
  const merged = useChannelQuery('people:get', { id: mergedId });
  const customFields = useChannelQuery('customFields:list', { entity: 'person' });
  const rows: Array<MergeField<Person>> = [
    ...mergeableFields.map((field) => ({
      field,
      label: t(`records.fields.${field === 'companyId' ? 'company' : field === 'ownerId' ? 'owner' : field}`),
      show: (person: Person) => shown(person, field, t, i18n.language),
      // The later decision stands unless the user picks the other (a withdrawal must survive).
      ...(consentFields.has(field)
        ? { prefer: (a: Person, b: Person) => laterConsent(a[field as 'contactConsent'], b[field as 'contactConsent']) }
        : {}),
    })),
    ...customMergeFields<Person>(customFields.data ?? [], t, i18n.language),
  ];
  // The screen picks each row's side when it first shows: the custom rows must be there by then.
  if (!customFields.data) return <QueryState query={customFields}>{() => null}</QueryState>;
  return (
    <MergeScreen
      entity="person"
      survivor={survivor}
      merged={merged}
      fields={rows}
      nameOf={(person) => person.displayName}
      movesNote={() => t('merge.timelineMoves')}
      merge={(a, b, choices) =>
        call('people:merge', {
          survivorId: a.id,
          mergedId: b.id,
          choices,
          versions: { survivor: a.version, merged: b.version },
        })
      }
      unmerge={(mergeId) => call('people:unmerge', { mergeId })}
    />
  );
}
