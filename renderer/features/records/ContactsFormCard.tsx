import { Card, SimpleGrid, Stack } from '@mantine/core';
import { emailLabels, phoneLabels, type Address } from '../../../shared/domain/contact-points';
import { useTranslation } from 'react-i18next';
import { AddressesEditor } from './AddressesEditor';
import type { ContactErrors } from './contact-form';
import { ContactPointsEditor } from './ContactPointsEditor';

type Entry = { value: string; label: string };

type ContactsEditorProps = {
  phones: Entry[];
  emails: Entry[];
  addresses: Address[];
  onChange: (patch: { phones?: Entry[]; emails?: Entry[]; addresses?: Address[] }) => void;
  /** The i18n keys of the rows' errors (see contactErrors); none until the user tries to save. */
  errors?: ContactErrors;
  /** Phones beside e-mails on a wide screen; one above the other in a narrow card (a detail page). */
  narrow?: boolean;
};

/** Phones, e-mails and addresses: the same block on the person and the company forms. */
export function ContactsFormCard(props: ContactsEditorProps) {
  return (
    <Card withBorder>
      <ContactsEditor {...props} />
    </Card>
  );
}

/** The same inputs without the card: a detail page edits them in place. */
export function ContactsEditor({ phones, emails, addresses, onChange, errors, narrow }: ContactsEditorProps) {
  const { t } = useTranslation();
  const translated = (keys: Record<number, string> = {}) =>
    Object.fromEntries(Object.entries(keys).map(([index, key]) => [index, t(key)]));
  return (
    <Stack gap="md">
      <SimpleGrid cols={narrow ? 1 : { base: 1, sm: 2 }} spacing="lg">
        <ContactPointsEditor
          kind="phone"
          entries={phones}
          labels={phoneLabels}
          onChange={(next) => onChange({ phones: next })}
          errors={translated(errors?.phones)}
        />
        <ContactPointsEditor
          kind="email"
          entries={emails}
          labels={emailLabels}
          onChange={(next) => onChange({ emails: next })}
          errors={translated(errors?.emails)}
        />
      </SimpleGrid>
      <AddressesEditor narrow={narrow} addresses={addresses} onChange={(next) => onChange({ addresses: next })} />
    </Stack>
  );
}
