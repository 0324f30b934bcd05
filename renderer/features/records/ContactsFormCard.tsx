import { Card, SimpleGrid, Stack } from '@mantine/core';
import { emailLabels, phoneLabels, type Address } from '../../../shared/domain/contact-points';
import { AddressesEditor } from './AddressesEditor';
import { ContactPointsEditor } from './ContactPointsEditor';

type Entry = { value: string; label: string };

type ContactsEditorProps = {
  phones: Entry[];
  emails: Entry[];
  addresses: Address[];
  onChange: (patch: { phones?: Entry[]; emails?: Entry[]; addresses?: Address[] }) => void;
  /** Per-e-mail error messages by index, already translated. */
  emailErrors?: Record<number, string>;
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
export function ContactsEditor({ phones, emails, addresses, onChange, emailErrors, narrow }: ContactsEditorProps) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={narrow ? 1 : { base: 1, sm: 2 }} spacing="lg">
        <ContactPointsEditor
          kind="phone"
          entries={phones}
          labels={phoneLabels}
          onChange={(next) => onChange({ phones: next })}
        />
        <ContactPointsEditor
          kind="email"
          entries={emails}
          labels={emailLabels}
          onChange={(next) => onChange({ emails: next })}
          errors={emailErrors}
        />
      </SimpleGrid>
      <AddressesEditor narrow={narrow} addresses={addresses} onChange={(next) => onChange({ addresses: next })} />
    </Stack>
  );
}
