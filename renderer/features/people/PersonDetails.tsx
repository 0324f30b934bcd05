import { Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactChannels, type Person } from '../../../shared/domain/people';
import { useRecordSave } from '../../api/queries';
import { formatDate, formatDateTime } from '../../components/format';
import { CompanyPicker } from '../records/CompanyPicker';
import { changedFields, InlineEdit, inlineRow } from '../records/InlineEdit';
import { ownerRow, textFieldRows } from '../records/inline-rows';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { formFromPerson, personInputFromForm, type PersonForm } from './person-form';
import { DateField } from '../../components/DateField';

type TextField = 'position' | 'source' | 'language' | 'website';
type NameForm = Pick<PersonForm, 'lastName' | 'firstName' | 'middleName' | 'displayName'>;

/** Saves the changed fields of the person shown: the rest of the record goes back as it was read. */
function usePersonSave(person: Person) {
  const save = useRecordSave('people:update', 'people:get', { id: person.id }, [
    'people:list',
    'people:count',
    'search:query',
    'companies:get',
    'companies:list',
    'activities:timeline',
  ]);
  return (patch: Partial<PersonForm>) =>
    save.mutateAsync((current) => ({
      id: current.id,
      version: current.version,
      values: personInputFromForm({ ...formFromPerson(current), ...patch }, current),
    }));
}

/** The person's name as the page's title, edited in place (the parts and the display name). */
export function PersonTitle({ person, editable }: { person: Person; editable: boolean }) {
  const { t } = useTranslation();
  const saveFields = usePersonSave(person);
  const title = (
    <Title order={2} style={{ wordBreak: 'break-word' }} data-testid="person-name">
      {person.displayName}
    </Title>
  );
  if (!editable) return title;
  const input = (field: keyof NameForm, value: NameForm, onChange: (value: NameForm) => void, first = false) => (
    <TextInput
      label={t(`records.fields.${field}`)}
      name={field}
      value={value[field]}
      autoFocus={first}
      onChange={(event) => onChange({ ...value, [field]: event.currentTarget.value })}
    />
  );
  return (
    <InlineEdit<NameForm>
      label={t('records.inline.name')}
      display={title}
      initial={() => {
        const { lastName, firstName, middleName, displayName } = formFromPerson(person);
        return { lastName, firstName, middleName, displayName };
      }}
      input={(value, onChange) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {input('lastName', value, onChange, true)}
          {input('firstName', value, onChange)}
          {input('middleName', value, onChange)}
          {input('displayName', value, onChange)}
        </SimpleGrid>
      )}
      validate={(value) =>
        Object.values(value).some((part) => part.trim() !== '') ? null : 'people.form.nameRequired'
      }
      save={(value, started) => saveFields(changedFields(value, started))}
    />
  );
}

/** The person's data card: every field edited where it stands (unless in the trash or merged away). */
export function PersonDetails({ person, editable }: { person: Person; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const saveFields = usePersonSave(person);
  const form = () => formFromPerson(person);
  const label = (field: string) => t(`records.fields.${field}`);
  const textField = textFieldRows<TextField>(editable, t, person, saveFields);

  return (
    <RecordDetailsCard
      entity="person"
      record={person}
      editable={editable}
      form={form}
      save={saveFields}
      fields={[
        inlineRow(editable, {
          label: label('company'),
          display: person.company && (
            <>
              {person.company.name}
              {person.company.inTrash && ` (${t('records.trash.linkedInTrash')})`}
            </>
          ),
          initial: () => form().company,
          input: (value, onChange) => <CompanyPicker inline value={value} onChange={onChange} />,
          save: (company) => saveFields({ company }),
        }),
        textField('position'),
        inlineRow<string>(editable, {
          label: label('birthday'),
          display: person.birthday && formatDate(person.birthday, i18n.language),
          initial: () => form().birthday,
          input: (value, onChange) => (
            <DateField
              aria-label={label('birthday')}
              name="birthday"
              autoFocus
              maxDate={new Date()}
              value={value}
              onChange={onChange}
            />
          ),
          save: (birthday) => saveFields({ birthday }),
        }),
        textField('source'),
        ownerRow(editable, label('owner'), person.owner, (ownerId) => saveFields({ ownerId })),
        inlineRow(editable, {
          label: label('preferredChannel'),
          display: person.preferredChannel && t(`records.channels.${person.preferredChannel}`),
          initial: () => form().preferredChannel,
          input: (value, onChange) => (
            <Select
              aria-label={label('preferredChannel')}
              autoFocus
              data={contactChannels.map((channel) => ({ value: channel, label: t(`records.channels.${channel}`) }))}
              value={value}
              onChange={(channel) => onChange(channel as PersonForm['preferredChannel'])}
              clearable
            />
          ),
          save: (preferredChannel) => saveFields({ preferredChannel }),
        }),
        textField('language'),
        textField('website'),
      ]}
      after={[{ label: label('createdAt'), value: formatDateTime(person.createdAt, i18n.language) }]}
    />
  );
}
