import type { Address, EmailInput, PhoneInput } from '../../../shared/domain/contact-points';
import { normaliseEmail } from '../../../shared/text/email';

type Entry = { value: string; label: string };

/** The contacts a form holds, as the person and company forms both edit them. */
export type ContactsForm = { phones: Entry[]; emails: Entry[]; addresses: Address[] };

/**
 * The filled-in ones, as the contract takes them: rows left empty in the form are not sent. Labels
 * come from the editors' own pickers of the contract's labels.
 */
export function filledContacts(form: ContactsForm): {
  phones: PhoneInput[];
  emails: EmailInput[];
  addresses: Address[];
} {
  return {
    phones: form.phones.filter((phone) => phone.value.trim() !== '') as PhoneInput[],
    emails: form.emails.filter((email) => email.value.trim() !== '') as EmailInput[],
    addresses: form.addresses.filter((address) =>
      [address.city, address.street, address.region, address.country, address.postalCode].some(Boolean),
    ),
  };
}

/** The i18n key of the error of each e-mail typed that can't be one, by its row. */
export function emailErrors(emails: readonly Entry[]): Record<number, string> {
  const errors: Record<number, string> = {};
  emails.forEach((email, index) => {
    if (email.value.trim() !== '' && normaliseEmail(email.value) === null) errors[index] = 'records.form.invalidEmail';
  });
  return errors;
}

/** The i18n key of the error when an e-mail typed can't be one; null when all can. */
export function invalidEmail(contacts: ContactsForm): string | null {
  return Object.values(emailErrors(contacts.emails))[0] ?? null;
}
