import { Card, SimpleGrid, Stack } from '@mantine/core';
import { emailLabels, phoneLabels, type Address } from '../../../shared/domain/contact-points';
import { AddressesEditor } from './AddressesEditor';
import { ContactPointsEditor } from './ContactPointsEditor';

type Entry = { value: string; label: string };

type ContactsFormCardProps = {
  phones: Entry[];
  emails: Entry[];
  addresses: Address[];
  onChange: (patch: { phones?: Entry[]; emails?: Entry[]; addresses?: Address[] }) => void;
  /** Per-e-mail error messages by index, already translated. */
  emailErrors?: Record<number, string>;
};

/** Phones, e-mails and addresses: the same block on the person and the company forms. */
export function ContactsFormCard({ phones, emails, addresses, onChange, emailErrors }: ContactsFormCardProps) {
  return (
    <Card withBorder>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
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
        <AddressesEditor addresses={addresses} onChange={(next) => onChange({ addresses: next })} />
      </Stack>
    </Card>
  );
}
