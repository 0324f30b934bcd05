import { Card, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Address, Email, Phone } from '../../../shared/domain/contact-points';
import type { CustomFieldEntity, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { useChannelQuery } from '../../api/queries';
import { DetailTable, type DetailRow } from './ContactDetails';
import { ContactsBlock, customFieldRows, tagsRow } from './inline-rows';
import type { ContactsForm } from './contact-form';
import { NotesField } from './NotesField';

/** What a person and a company both have, as their detail card shows it. */
type SharedRecord = {
  phones: Phone[];
  emails: Email[];
  addresses: Address[];
  tags: string[];
  customFields: CustomFieldValues;
  notes: string | null;
};

/** The changes the shared parts of the card save. */
export type SharedPatch = Partial<ContactsForm & { tags: string[]; customFields: CustomFieldValues; notes: string }>;

type RecordDetailsCardProps = {
  entity: CustomFieldEntity;
  record: SharedRecord;
  editable: boolean;
  /** The record's form (its contacts as the form holds them: phones as typed). */
  form: () => ContactsForm;
  save: (patch: SharedPatch) => Promise<unknown>;
  /** The record type's own rows, above its tags and custom fields. */
  fields: DetailRow[];
  /** Rows after the custom fields (when it was created...). */
  after?: DetailRow[];
};

/** A detail page's data card: contacts, fields, tags, custom fields and notes, each edited in place. */
export function RecordDetailsCard({
  entity,
  record,
  editable,
  form,
  save,
  fields,
  after = [],
}: RecordDetailsCardProps) {
  const { t, i18n } = useTranslation();
  const definitions = useChannelQuery('customFields:list', { entity });
  return (
    <Card withBorder>
      <Stack gap="md">
        <ContactsBlock
          record={record}
          editable={editable}
          initial={() => {
            const { phones, emails, addresses } = form();
            return { phones, emails, addresses };
          }}
          save={save}
        />
        <DetailTable
          rows={[
            ...fields,
            tagsRow(editable, t('records.fields.tags'), record.tags, (tags) => save({ tags })),
            ...customFieldRows(
              editable,
              { t, language: i18n.language },
              definitions.data ?? [],
              record.customFields,
              (customFields) => save({ customFields }),
            ),
            ...after,
          ]}
        />
        <NotesField notes={record.notes} editable={editable} save={(notes) => save({ notes })} />
      </Stack>
    </Card>
  );
}
