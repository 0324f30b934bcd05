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

/** The i18n keys of the errors of the phones and e-mails typed that can't be ones, by row. */
export type ContactErrors = { phones: Record<number, string>; emails: Record<number, string> };

/** The i18n key of the error of each entry `isWrong` finds, by its row; empty rows are not sent. */
function errorsOf(entries: readonly Entry[], isWrong: (value: string) => boolean, key: string) {
  const errors: Record<number, string> = {};
  entries.forEach((entry, index) => {
    if (entry.value.trim() !== '' && isWrong(entry.value)) errors[index] = key;
  });
  return errors;
}

/**
 * Phones without a digit («позвонить вечером») and e-mails that can't be addresses: said before
 * anything is sent. A phone of text was saved as nothing and vanished on the next edit.
 */
export function contactErrors(contacts: Pick<ContactsForm, 'phones' | 'emails'>): ContactErrors {
  return {
    phones: errorsOf(contacts.phones, (value) => !/\d/.test(value), 'records.form.invalidPhone'),
    emails: errorsOf(contacts.emails, (value) => normaliseEmail(value) === null, 'records.form.invalidEmail'),
  };
}

/** The i18n key of the first error of the contacts typed; null when there is none. */
export function invalidContact(contacts: Pick<ContactsForm, 'phones' | 'emails'>): string | null {
  const { phones, emails } = contactErrors(contacts);
  return Object.values(phones)[0] ?? Object.values(emails)[0] ?? null;
}
