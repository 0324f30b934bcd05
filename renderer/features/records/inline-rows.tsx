/** The rows the person and company detail cards share, each edited in place. */
import { TagsInput, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TAG_SEPARATORS } from '../../../shared/domain/common';
import type { Address, Email, Phone } from '../../../shared/domain/contact-points';
import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { contactRows, customValueText, DetailTable, type DetailRow } from './ContactDetails';
import { ContactsEditor } from './ContactsFormCard';
import { CustomFieldInput } from './CustomFieldInput';
import { changedFields, InlineEdit, inlineRow } from './InlineEdit';
import { invalidContact, type ContactsForm } from './contact-form';
import { OwnerSelect } from './OwnerSelect';
import { TagBadges } from './TagBadges';

/** A plain text field: `name` is its form field's name. */
export function textRow(
  editable: boolean,
  field: { label: string; name: string; value: string | null; save: (value: string) => Promise<unknown> },
): DetailRow {
  return inlineRow<string>(editable, {
    label: field.label,
    display: field.value,
    initial: () => field.value ?? '',
    input: (value, onChange) => (
      <TextInput
        aria-label={field.label}
        name={field.name}
        autoFocus
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    ),
    save: field.save,
  });
}

/**
 * A maker of text rows for one record's own fields: `textField('position')` is the row of the
 * record's `position`, labelled as the forms label it, saving `{ position }`.
 */
export function textFieldRows<Field extends string>(
  editable: boolean,
  t: TFunction,
  record: Record<Field, string | null>,
  save: (patch: Partial<Record<Field, string>>) => Promise<unknown>,
): (field: Field) => DetailRow {
  return (field) =>
    textRow(editable, {
      label: t(`records.fields.${field}`),
      name: field,
      value: record[field],
      save: (value) => save({ [field]: value } as Partial<Record<Field, string>>),
    });
}

export function tagsRow(
  editable: boolean,
  label: string,
  tags: string[],
  save: (tags: string[]) => Promise<unknown>,
): DetailRow {
  return inlineRow<string[]>(editable, {
    label,
    display: tags.length > 0 ? <TagBadges tags={tags} wrap /> : null,
    initial: () => tags,
    input: (value, onChange) => (
      <TagsInput
        aria-label={label}
        autoFocus
        value={value}
        onChange={onChange}
        splitChars={[...TAG_SEPARATORS]}
        clearable
      />
    ),
    save,
  });
}

/** One row per admin-defined field; a save sends all the record's values with the one changed. */
export function customFieldRows(
  editable: boolean,
  { t, language }: { t: TFunction; language: string },
  definitions: CustomFieldDefinition[],
  values: CustomFieldValues,
  save: (values: CustomFieldValues) => Promise<unknown>,
): DetailRow[] {
  return definitions.map((definition) =>
    inlineRow(editable, {
      label: definition.label,
      display: customValueText(t, definition, values[definition.key], language),
      initial: () => values[definition.key] ?? null,
      input: (value, onChange) => <CustomFieldInput inline definition={definition} value={value} onChange={onChange} />,
      save: (value) => save({ ...values, [definition.key]: value }),
    }),
  );
}

type ContactsBlockProps = {
  record: { phones: Phone[]; emails: Email[]; addresses: Address[] };
  editable: boolean;
  /** The contacts as the record's form holds them. */
  initial: () => ContactsForm;
  /** Saves the parts (phones, e-mails, addresses) the user changed. */
  save: (contacts: Partial<ContactsForm>) => Promise<unknown>;
};

/** Phones, e-mails and addresses, edited together in place. */
export function ContactsBlock({ record, editable, initial, save }: ContactsBlockProps) {
  const { t } = useTranslation();
  const rows = contactRows(t, record.phones, record.emails, record.addresses);
  if (!editable) return <DetailTable rows={rows} />;
  return (
    <InlineEdit<ContactsForm>
      block
      label={t('records.inline.contacts')}
      display={rows.length > 0 ? <DetailTable rows={rows} /> : null}
      initial={initial}
      input={(value, onChange) => (
        <ContactsEditor narrow {...value} onChange={(patch) => onChange({ ...value, ...patch })} />
      )}
      validate={invalidContact}
      save={(value, started) => save(changedFields(value, started))}
    />
  );
}

/** The owner, picked from the base's owners. */
export function ownerRow(
  editable: boolean,
  label: string,
  owner: { id: number; name: string } | null,
  save: (ownerId: number | null) => Promise<unknown>,
): DetailRow {
  return inlineRow(editable, {
    label,
    display: owner?.name,
    initial: () => owner?.id ?? null,
    input: (value, onChange) => <OwnerSelect inline value={value} onChange={onChange} />,
    save,
  });
}
