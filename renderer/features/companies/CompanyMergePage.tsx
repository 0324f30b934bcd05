import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/domain/companies';
import { mergeableCompanyFields, type MergeableCompanyField } from '../../../shared/domain/duplicates';
import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { customMergeFields, MergeScreen, type MergeField } from '../duplicates/MergeScreen';

function shown(company: Company, field: MergeableCompanyField): string {
  return field === 'ownerId' ? (company.owner?.name ?? '') : (company[field] ?? '');
}

/** Two companies side by side: pick each differing value; people, contacts and timeline are combined. */
export function CompanyMergePage({ survivorId, mergedId }: { survivorId: number; mergedId: number }) {
  const { t, i18n } = useTranslation();
  const survivor = useChannelQuery('companies:get', { id: survivorId });
  const merged = useChannelQuery('companies:get', { id: mergedId });
  const customFields = useChannelQuery('customFields:list', { entity: 'company' });
  const rows: Array<MergeField<Company>> = [
    ...mergeableCompanyFields.map((field) => ({
      field,
      label: field === 'name' ? t('companies.nameField') : t(`records.fields.${field === 'ownerId' ? 'owner' : field}`),
      show: (company: Company) => shown(company, field),
    })),
    ...customMergeFields<Company>(customFields.data ?? [], t, i18n.language),
  ];
  // The screen picks each row's side when it first shows: the custom rows must be there by then.
  if (!customFields.data) return <QueryState query={customFields}>{() => null}</QueryState>;
  return (
    <MergeScreen
      entity="company"
      survivor={survivor}
      merged={merged}
      fields={rows}
      nameOf={(company) => company.name}
      movesNote={(b) =>
        b.peopleCount === 0
          ? t('merge.companyMovesNoPeople', { name: b.name })
          : t('merge.companyMoves', { name: b.name, people: t('companies.people', { count: b.peopleCount }) })
      }
      merge={(a, b, choices) =>
        call('companies:merge', {
          survivorId: a.id,
          mergedId: b.id,
          choices,
          versions: { survivor: a.version, merged: b.version },
        })
      }
      unmerge={(mergeId) => call('companies:unmerge', { mergeId })}
    />
  );
}
