import { Card, Center, Loader, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { contactChannels, type Person } from '../../../shared/domain/people';
import { useChannelMutation, useRecordToEdit } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { CompanyPicker } from '../records/CompanyPicker';
import { ContactsFormCard } from '../records/ContactsFormCard';
import { FormActions } from '../records/FormActions';
import { TagsFieldsNotes } from '../records/TagsFieldsNotes';
import { OwnerSelect } from '../records/OwnerSelect';
import {
  emptyPersonForm,
  formFromPerson,
  personInputFromForm,
  validatePersonForm,
  type PersonForm,
} from './person-form';

/** Create (personId null) or edit a person. */
export function PersonFormPage({ personId }: { personId: number | null }) {
  const { query, ready } = useRecordToEdit('people:get', { id: personId ?? 0 }, personId !== null);
  if (personId === null) return <PersonFormBody person={null} />;
  if (!ready && !query.isError)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  return <QueryState query={query}>{(data) => <PersonFormBody person={data} />}</QueryState>;
}

function PersonFormBody({ person: asOpened }: { person: Person | null }) {
  // The record as the form opened it: a later refetch must not change the version it sends back.
  const [person] = useState(asOpened);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<PersonForm>(() => (person ? formFromPerson(person) : emptyPersonForm));
  const [submitted, setSubmitted] = useState(false);
  const create = useChannelMutation('people:create', ['people:get']);
  const update = useChannelMutation('people:update', ['people:get']);
  const save = person ? update : create;
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

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const found = validatePersonForm(form);
    if (found.name || found.emails) return;
    const values = personInputFromForm(form, person);
    const opened = (saved: Person) => navigate(`/people/${saved.id}`);
    if (person) update.mutate({ id: person.id, version: person.version, values }, { onSuccess: opened });
    else create.mutate(values, { onSuccess: opened });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={960}>
        <Title order={2}>
          {person ? t('people.form.editTitle', { name: person.displayName }) : t('people.form.newTitle')}
        </Title>
        <Card withBorder>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput {...text('lastName')} error={errors.name && t(errors.name)} data-autofocus />
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
          emailErrors={Object.fromEntries(Object.entries(errors.emails ?? {}).map(([index, key]) => [index, t(key)]))}
        />
        <Card withBorder>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('records.fields.birthday')}
                name="birthday"
                type="date"
                value={form.birthday}
                onChange={(event) => set({ birthday: event.currentTarget.value })}
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
            <Group>
              <Checkbox
                label={t('people.form.contactConsent')}
                checked={form.contactConsent}
                onChange={(event) => set({ contactConsent: event.currentTarget.checked })}
              />
              <Checkbox
                label={t('people.form.marketingConsent')}
                checked={form.marketingConsent}
                onChange={(event) => set({ marketingConsent: event.currentTarget.checked })}
              />
            </Group>
          </Stack>
        </Card>
        <ErrorAlert error={save.error} />
        <FormActions saving={save.isPending} onCancel={() => navigate(person ? `/people/${person.id}` : '/people')} />
      </Stack>
    </form>
  );
}
