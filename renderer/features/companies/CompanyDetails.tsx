import { TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/domain/companies';
import { useRecordSave } from '../../api/queries';
import { InlineEdit } from '../records/InlineEdit';
import { ownerRow, textFieldRows } from '../records/inline-rows';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { companyInputFromForm, formFromCompany, type CompanyForm } from './company-form';

type TextField = 'legalName' | 'industry' | 'website' | 'source';

/** Saves the changed fields of the company shown: the rest of the record goes back as it was read. */
function useCompanySave(company: Company) {
  // Its people show its name (their pages, the lists, the search).
  const save = useRecordSave('companies:update', 'companies:get', { id: company.id }, [
    'companies:list',
    'companies:count',
    'people:get',
    'people:list',
    'search:query',
  ]);
  return (patch: Partial<CompanyForm>) =>
    save.mutateAsync((current) => ({
      id: current.id,
      version: current.version,
      values: companyInputFromForm({ ...formFromCompany(current), ...patch }),
    }));
}

/** The company's name as the page's title, edited in place. */
export function CompanyTitle({ company, editable }: { company: Company; editable: boolean }) {
  const { t } = useTranslation();
  const saveFields = useCompanySave(company);
  const title = (
    <Title order={2} style={{ wordBreak: 'break-word' }} data-testid="company-name">
      {company.name}
    </Title>
  );
  if (!editable) return title;
  return (
    <InlineEdit<string>
      label={t('companies.nameField')}
      display={title}
      initial={() => company.name}
      input={(value, onChange) => (
        <TextInput
          aria-label={t('companies.nameField')}
          name="name"
          autoFocus
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      validate={(value) => (value.trim() === '' ? 'companies.form.nameRequired' : null)}
      save={(name) => saveFields({ name })}
    />
  );
}

/** The company's data card: every field edited where it stands (unless in the trash or merged away). */
export function CompanyDetails({ company, editable }: { company: Company; editable: boolean }) {
  const { t } = useTranslation();
  const saveFields = useCompanySave(company);
  const form = () => formFromCompany(company);
  const label = (field: string) => t(`records.fields.${field}`);
  const textField = textFieldRows<TextField>(editable, t, company, saveFields);

  return (
    <RecordDetailsCard
      entity="company"
      record={company}
      editable={editable}
      form={form}
      save={saveFields}
      fields={[
        textField('legalName'),
        textField('industry'),
        textField('website'),
        textField('source'),
        ownerRow(editable, label('owner'), company.owner, (ownerId) => saveFields({ ownerId })),
      ]}
    />
  );
}
