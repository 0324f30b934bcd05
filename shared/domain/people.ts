import { z } from 'zod';
import { IsoDate, IsoDateTime, LONG_TEXT_MAX, OptionalText, RecordId, TagName, Version } from './common';
import {
  Address,
  Email,
  EmailInput,
  MAX_ADDRESSES,
  MAX_EMAILS,
  MAX_PHONES,
  MAX_TAGS,
  Phone,
  PhoneInput,
} from './contact-points';
import { CustomFieldValues } from './custom-fields';

export const contactChannels = ['phone', 'email', 'messenger', 'meeting', 'post'] as const;
export const ContactChannel = z.enum(contactChannels);

export const Consent = z.object({
  granted: z.boolean(),
  /** When consent was given or withdrawn. */
  at: IsoDateTime.nullable(),
  /** Where it came from: "web form", "signed contract"... */
  source: z
    .string()
    .trim()
    .max(200)
    .nullable()
    // A blank source is none, not an empty text that reads as a source.
    .transform((source) => (source === '' ? null : source)),
});
export type Consent = z.infer<typeof Consent>;

/** The source the person form records when the user ticks or unticks a consent box. */
export const MANUAL_CONSENT_SOURCE = 'manual';

/**
 * Which of two records' consent stands when they become one: the later decision (a withdrawal
 * after a grant must survive a merge); one with a date beats one without, any beats none.
 */
export function laterConsent(survivor: Consent | null, merged: Consent | null): 'survivor' | 'merged' {
  if (merged === null) return 'survivor';
  if (survivor === null) return 'merged';
  return (merged.at ?? '') > (survivor.at ?? '') ? 'merged' : 'survivor';
}

export const PersonInput = z.object({
  firstName: OptionalText(200),
  middleName: OptionalText(200),
  lastName: OptionalText(200),
  /** Empty means: made from the name parts. */
  displayName: OptionalText(300),
  companyId: RecordId.nullable().default(null),
  position: OptionalText(200),
  website: OptionalText(500),
  birthday: IsoDate.nullable().default(null),
  source: OptionalText(200),
  ownerId: RecordId.nullable().default(null),
  preferredChannel: ContactChannel.nullable().default(null),
  language: OptionalText(20),
  notes: OptionalText(LONG_TEXT_MAX),
  phones: z.array(PhoneInput).max(MAX_PHONES).default([]),
  emails: z.array(EmailInput).max(MAX_EMAILS).default([]),
  addresses: z.array(Address).max(MAX_ADDRESSES).default([]),
  tags: z.array(TagName).max(MAX_TAGS).default([]),
  customFields: CustomFieldValues.default({}),
  contactConsent: Consent.nullable().default(null),
  marketingConsent: Consent.nullable().default(null),
});
export type PersonInput = z.input<typeof PersonInput>;
export type PersonValues = z.output<typeof PersonInput>;

export const Person = z.object({
  id: RecordId,
  displayName: z.string(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** A company in the trash stays linked (for its restore) and is marked. */
  company: z.object({ id: RecordId, name: z.string(), inTrash: z.boolean() }).nullable(),
  position: z.string().nullable(),
  website: z.string().nullable(),
  birthday: IsoDate.nullable(),
  source: z.string().nullable(),
  owner: z.object({ id: RecordId, name: z.string() }).nullable(),
  preferredChannel: ContactChannel.nullable(),
  language: z.string().nullable(),
  notes: z.string().nullable(),
  phones: z.array(Phone),
  emails: z.array(Email),
  addresses: z.array(Address),
  tags: z.array(z.string()),
  customFields: CustomFieldValues,
  contactConsent: Consent.nullable(),
  marketingConsent: Consent.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
  /** Set on a copy merged into another record: it is kept, hidden, only so the merge can be undone. */
  mergedIntoId: RecordId.nullable(),
  version: Version,
});
export type Person = z.infer<typeof Person>;
