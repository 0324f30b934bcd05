import { Card, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Company } from '../../../shared/domain/companies';
import { useChannelMutation, useRecordToEdit } from '../../api/queries';
import { call } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { contactErrors, invalidContact } from '../records/contact-form';
import { ContactsFormCard } from '../records/ContactsFormCard';
import { FormActions } from '../records/FormActions';
import { TagsFieldsNotes } from '../records/TagsFieldsNotes';
import { OwnerSelect } from '../records/OwnerSelect';
import { SaveError, useEditedRecord } from '../records/useEditedRecord';
import { companyInputFromForm, formFromCompany, type CompanyForm } from './company-form';
import { useLiveCustomValues } from '../records/live-custom-values';

export function CompanyFormPage({ companyId }: { companyId: number | null }) {
  const record = useRecordToEdit('companies:get', { id: companyId ?? 0 }, companyId !== null);
  if (companyId === null) return <CompanyFormBody company={null} />;
  return <QueryState query={record}>{(data) => <CompanyFormBody company={data} />}</QueryState>;
}

function CompanyFormBody({ company: asOpened }: { company: Company | null }) {
  const create = useChannelMutation('companies:create', ['companies:get']);
  const update = useChannelMutation('companies:update', ['companies:get']);
  const {
    record: company,
    form,
    setForm,
    takeLatest,
  } = useEditedRecord(asOpened, formFromCompany, async (opened) => {
    update.reset();
    return call('companies:get', { id: opened.id });
  });
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [submitted, setSubmitted] = useState(false);
  const save = company ? update : create;
  const liveFields = useLiveCustomValues('company');
  const set = (patch: Partial<CompanyForm>) => setForm((current) => ({ ...current, ...patch }));
  const text = (field: 'name' | 'legalName' | 'website' | 'industry' | 'source') => ({
    label: field === 'name' ? t('companies.nameField') : t(`records.fields.${field}`),
    name: field,
    value: form[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set({ [field]: event.currentTarget.value }),
  });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (form.name.trim() === '' || invalidContact(form) !== null) return;
    const input = companyInputFromForm(form);
    if (save.isPending) return;
    const customFields = await liveFields.live(input.customFields ?? {});
    if (customFields === null) return;
    const values = { ...input, customFields };
    const opened = (saved: Company) => navigate(`/companies/${saved.id}`);
    if (company) update.mutate({ id: company.id, version: company.version, values }, { onSuccess: opened });
    else create.mutate(values, { onSuccess: opened });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg" maw={960}>
        <Title order={2}>
          {company ? t('companies.form.editTitle', { name: company.name }) : t('companies.form.newTitle')}
        </Title>
        <Card withBorder>
          <Stack gap="sm">
            <TextInput
              {...text('name')}
              required
              error={submitted && form.name.trim() === '' ? t('companies.form.nameRequired') : undefined}
              autoFocus
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput {...text('legalName')} />
              <TextInput {...text('industry')} />
              <TextInput {...text('website')} />
              <TextInput {...text('source')} />
              <OwnerSelect value={form.ownerId} onChange={(ownerId) => set({ ownerId })} />
            </SimpleGrid>
          </Stack>
        </Card>
        <ContactsFormCard
          phones={form.phones}
          emails={form.emails}
          addresses={form.addresses}
          onChange={set}
          // Said before anything is sent, as on the person form.
          errors={submitted ? contactErrors(form) : undefined}
        />
        <Card withBorder>
          <Stack gap="sm">
            <TagsFieldsNotes
              entity="company"
              tags={form.tags}
              customFields={form.customFields}
              notes={form.notes}
              onChange={set}
            />
          </Stack>
        </Card>
        <SaveError error={save.error} onTakeLatest={takeLatest} />
        <FormActions
          saving={save.isPending || liveFields.checking}
          onCancel={() => navigate(company ? `/companies/${company.id}` : '/companies')}
        />
      </Stack>
    </form>
  );
}
