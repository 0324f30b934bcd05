import { Card, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { contactChannels, type Person } from '../../../shared/domain/people';
import { useChannelMutation, useChannelQuery, useRecordToEdit } from '../../api/queries';
import { call } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { CompanyPicker } from '../records/CompanyPicker';
import { ContactsFormCard } from '../records/ContactsFormCard';
import { FormActions } from '../records/FormActions';
import { TagsFieldsNotes } from '../records/TagsFieldsNotes';
import { useLiveCustomValues } from '../records/live-custom-values';
import { OwnerSelect } from '../records/OwnerSelect';
import { SaveError, useEditedRecord } from '../records/useEditedRecord';
import {
  emptyPersonForm,
  formFromPerson,
  personInputFromForm,
  validatePersonForm,
  todayDate,
  type ConsentForm,
  type PersonForm,
} from './person-form';
import { DateField } from '../../components/DateField';

/** Create (personId null; in a company when `companyId` is given) or edit a person. */
export function PersonFormPage({ personId, companyId = null }: { personId: number | null; companyId?: number | null }) {
  const record = useRecordToEdit('people:get', { id: personId ?? 0 }, personId !== null);
  const company = useChannelQuery('companies:get', { id: companyId ?? 0 }, companyId !== null);
  if (personId === null) {
    if (companyId !== null && !company.data) return <QueryState query={company}>{() => null}</QueryState>;
    const inCompany = company.data ? { id: company.data.id, name: company.data.name } : null;
    return <PersonFormBody person={null} company={inCompany} />;
  }
  return <QueryState query={record}>{(data) => <PersonFormBody person={data} />}</QueryState>;
}

function PersonFormBody({
  person: asOpened,
  company = null,
}: {
  person: Person | null;
  company?: PersonForm['company'];
}) {
  const create = useChannelMutation('people:create', ['people:get']);
  const update = useChannelMutation('people:update', ['people:get']);
  const {
    record: person,
    form,
    setForm,
    takeLatest,
  } = useEditedRecord(
    asOpened,
    (opened) => (opened ? formFromPerson(opened) : { ...emptyPersonForm, company }),
    async (opened) => {
      update.reset();
      return call('people:get', { id: opened.id });
    },
  );
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [submitted, setSubmitted] = useState(false);
  const save = person ? update : create;
  const liveFields = useLiveCustomValues('person');
  const errors = submitted ? validatePersonForm(form) : {};
  const set = (patch: Partial<PersonForm>) => setForm((current) => ({ ...current, ...patch }));
  const text = (
    field: 'lastName' | 'firstName' | 'middleName' | 'displayName' | 'position' | 'website' | 'source' | 'language',
  ) => ({
    label: t(`records.fields.${field}`),
    name: field,
    value: form[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set({ [field]: event.currentTarget.value }),
  });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const found = validatePersonForm(form);
    if (found.name || found.contacts) return;
    const input = personInputFromForm(form, person);
    if (save.isPending) return;
    const customFields = await liveFields.live(input.customFields ?? {});
    if (customFields === null) return;
    const values = { ...input, customFields };
    const opened = (saved: Person) => navigate(`/people/${saved.id}`);
    if (person) update.mutate({ id: person.id, version: person.version, values }, { onSuccess: opened });
    else create.mutate(values, { onSuccess: opened });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg" maw={960}>
        <Title order={2}>
          {person ? t('people.form.editTitle', { name: person.displayName }) : t('people.form.newTitle')}
        </Title>
        <Card withBorder>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput {...text('lastName')} error={errors.name && t(errors.name)} autoFocus />
              <TextInput {...text('firstName')} />
              <TextInput {...text('middleName')} />
            </SimpleGrid>
            <TextInput {...text('displayName')} description={t('people.form.displayNameHint')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CompanyPicker value={form.company} onChange={(company) => set({ company })} />
              <TextInput {...text('position')} />
            </SimpleGrid>
          </Stack>
        </Card>
        <ContactsFormCard
          phones={form.phones}
          emails={form.emails}
          addresses={form.addresses}
          onChange={set}
          errors={errors.contacts}
        />
        <Card withBorder>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DateField
                label={t('records.fields.birthday')}
                name="birthday"
                maxDate={new Date()}
                value={form.birthday}
                onChange={(birthday) => set({ birthday })}
              />
              <TextInput {...text('source')} />
              <OwnerSelect value={form.ownerId} onChange={(ownerId) => set({ ownerId })} />
              <Select
                label={t('records.fields.preferredChannel')}
                data={contactChannels.map((channel) => ({ value: channel, label: t(`records.channels.${channel}`) }))}
                value={form.preferredChannel}
                onChange={(value) => set({ preferredChannel: value as PersonForm['preferredChannel'] })}
                clearable
              />
              <TextInput {...text('language')} />
              <TextInput {...text('website')} />
            </SimpleGrid>
            <TagsFieldsNotes
              entity="person"
              tags={form.tags}
              customFields={form.customFields}
              notes={form.notes}
              onChange={set}
            />
            <ConsentInputs
              kind="contactConsent"
              value={form.contactConsent}
              onChange={(contactConsent) => set({ contactConsent })}
            />
            <ConsentInputs
              kind="marketingConsent"
              value={form.marketingConsent}
              onChange={(marketingConsent) => set({ marketingConsent })}
            />
          </Stack>
        </Card>
        <SaveError error={save.error} onTakeLatest={takeLatest} />
        <FormActions
          saving={save.isPending || liveFields.checking}
          onCancel={() => navigate(person ? `/people/${person.id}` : '/people')}
        />
      </Stack>
    </form>
  );
}

/** A consent box; once given or withdrawn, the day it was and where it came from (a signed form...). */
function ConsentInputs({
  kind,
  value,
  onChange,
}: {
  kind: 'contactConsent' | 'marketingConsent';
  value: ConsentForm;
  onChange: (value: ConsentForm) => void;
}) {
  const { t } = useTranslation();
  const decided = value.granted || value.date !== '';
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Checkbox
        label={t(`people.form.${kind}`)}
        checked={value.granted}
        // A new decision is today's, until another day or source is entered.
        onChange={(event) => onChange({ granted: event.currentTarget.checked, date: todayDate(), source: '' })}
        mb={8}
        miw={220}
      />
      {decided && (
        <>
          <DateField
            label={t('people.form.consentDate')}
            name={`${kind}-date`}
            maxDate={new Date()}
            value={value.date}
            onChange={(date) => onChange({ ...value, date })}
          />
          <TextInput
            label={t('people.form.consentSource')}
            name={`${kind}-source`}
            placeholder={t('people.form.consentSourceHint')}
            value={value.source}
            onChange={(event) => onChange({ ...value, source: event.currentTarget.value })}
            style={{ flex: 1, minWidth: 220 }}
          />
        </>
      )}
    </Group>
  );
}
