import type { Address } from '../../../shared/domain/contact-points';
import type { CustomFieldValues } from '../../../shared/domain/custom-fields';
import { MANUAL_CONSENT_SOURCE, type Consent, type Person, type PersonInput } from '../../../shared/domain/people';
import { composeDisplayName } from '../../../shared/text/person-name';
import { contactErrors, filledContacts, invalidContact, type ContactErrors } from '../records/contact-form';

/** The person form's state: strings where the inputs hold strings. */
export type PersonForm = {
  lastName: string;
  firstName: string;
  middleName: string;
  displayName: string;
  company: { id: number; name: string } | null;
  position: string;
  website: string;
  birthday: string;
  source: string;
  ownerId: number | null;
  preferredChannel: PersonInput['preferredChannel'];
  language: string;
  notes: string;
  phones: Array<{ value: string; label: string }>;
  emails: Array<{ value: string; label: string }>;
  addresses: Address[];
  tags: string[];
  customFields: CustomFieldValues;
  contactConsent: ConsentForm;
  marketingConsent: ConsentForm;
};

/** A consent as the form edits it: given or not, on which day ('YYYY-MM-DD'), from where. */
export type ConsentForm = { granted: boolean; date: string; source: string };

const NO_CONSENT: ConsentForm = { granted: false, date: '', source: '' };

function consentForm(consent: Consent | null): ConsentForm {
  if (consent === null) return NO_CONSENT;
  const source = consent.source === MANUAL_CONSENT_SOURCE ? '' : (consent.source ?? '');
  // The day as this computer's calendar has it, as the person page shows it.
  return { granted: consent.granted, date: consent.at ? todayDate(new Date(consent.at)) : '', source };
}

/** Today as the computer's calendar has it, for a consent ticked now. */
export function todayDate(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The consent to save: as it was when the form left it alone (its exact moment kept); otherwise
 * the decision on the day given (now, when that is today) from the source given ("entered by hand"
 * when none is).
 */
function consentInput(form: ConsentForm, before: Consent | null, now = new Date()): Consent | null {
  const unchanged = JSON.stringify(form) === JSON.stringify(consentForm(before));
  if (unchanged) return before;
  // Not given, and never given or withdrawn before: nothing to record.
  if (!form.granted && before === null) return null;
  // A day picked is stored at its local noon: shown back as that day in any time zone near this one.
  const [year = 0, month = 1, day = 1] = form.date.split('-').map(Number);
  const at =
    form.date === '' || form.date === todayDate(now)
      ? now.toISOString()
      : new Date(year, month - 1, day, 12).toISOString();
  return { granted: form.granted, at, source: form.source.trim() || MANUAL_CONSENT_SOURCE };
}

export const emptyPersonForm: PersonForm = {
  lastName: '',
  firstName: '',
  middleName: '',
  displayName: '',
  company: null,
  position: '',
  website: '',
  birthday: '',
  source: '',
  ownerId: null,
  preferredChannel: null,
  language: '',
  notes: '',
  phones: [{ value: '', label: 'mobile' }],
  emails: [{ value: '', label: 'work' }],
  addresses: [],
  tags: [],
  customFields: {},
  contactConsent: NO_CONSENT,
  marketingConsent: NO_CONSENT,
};

export function formFromPerson(person: Person): PersonForm {
  return {
    lastName: person.lastName ?? '',
    firstName: person.firstName ?? '',
    middleName: person.middleName ?? '',
    displayName: person.displayName,
    company: person.company,
    position: person.position ?? '',
    website: person.website ?? '',
    birthday: person.birthday ?? '',
    source: person.source ?? '',
    ownerId: person.owner?.id ?? null,
    preferredChannel: person.preferredChannel,
    language: person.language ?? '',
    notes: person.notes ?? '',
    phones: person.phones.map((phone) => ({ value: phone.display, label: phone.label })),
    emails: person.emails.map((email) => ({ value: email.value, label: email.label })),
    addresses: person.addresses,
    tags: person.tags,
    customFields: person.customFields,
    contactConsent: consentForm(person.contactConsent),
    marketingConsent: consentForm(person.marketingConsent),
  };
}

export type PersonFormErrors = Partial<Record<'name' | 'birthday', string>> & { contacts?: ContactErrors };

/** Checks what the user can fix before anything is sent; returns i18n keys. */
export function validatePersonForm(form: PersonForm): PersonFormErrors {
  const errors: PersonFormErrors = {};
  if (![form.lastName, form.firstName, form.middleName, form.displayName].some((part) => part.trim() !== '')) {
    errors.name = 'people.form.nameRequired';
  }
  if (invalidContact(form) !== null) errors.contacts = contactErrors(form);
  return errors;
}

/**
 * Whether the display name is to be composed from the name's parts: sent empty, the server composes
 * it (and recomposes it when the parts change). A name the user typed, or the only name a person
 * has, is kept as it is.
 */
function followsParts(form: PersonForm, previous: Person | null): boolean {
  if (previous === null) return form.displayName.trim() === '';
  return form.displayName === previous.displayName && previous.displayName === composeDisplayName(previous);
}

/** The form as the contract's input (see consentInput for consent). */
export function personInputFromForm(form: PersonForm, previous: Person | null): PersonInput {
  return {
    lastName: form.lastName,
    firstName: form.firstName,
    middleName: form.middleName,
    displayName: followsParts(form, previous) ? '' : form.displayName,
    companyId: form.company?.id ?? null,
    position: form.position,
    website: form.website,
    birthday: form.birthday === '' ? null : form.birthday,
    source: form.source,
    ownerId: form.ownerId,
    preferredChannel: form.preferredChannel,
    language: form.language,
    notes: form.notes,
    ...filledContacts(form),
    tags: form.tags,
    customFields: form.customFields,
    contactConsent: consentInput(form.contactConsent, previous?.contactConsent ?? null),
    marketingConsent: consentInput(form.marketingConsent, previous?.marketingConsent ?? null),
  };
}
