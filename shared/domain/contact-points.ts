import { z } from 'zod';
import { normaliseEmail } from '../text/email';

export const phoneLabels = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const emailLabels = ['work', 'personal', 'other'] as const;

export const PhoneInput = z.object({
  // Text without a digit («позвонить вечером») is no number: stored, it read as an empty phone.
  value: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((value) => /\d/.test(value), 'A phone number has digits'),
  label: z.enum(phoneLabels).default('mobile'),
});
export type PhoneInput = z.input<typeof PhoneInput>;

export const EmailInput = z.object({
  // The importer's and the forms' own check: addresses on Cyrillic domains (почта.рф) are addresses.
  // Stored as normaliseEmail gives it: an invisible character pasted along is no part of the address.
  value: z
    .string()
    .max(254)
    .transform((value, context) => {
      const email = normaliseEmail(value);
      if (email === null) context.addIssue({ code: 'custom', message: 'Invalid e-mail address' });
      return email ?? value;
    }),
  label: z.enum(emailLabels).default('work'),
});
export type EmailInput = z.input<typeof EmailInput>;

export const Phone = z.object({
  /** E.164 when valid, else the digits as entered. */
  value: z.string(),
  display: z.string(),
  label: z.enum(phoneLabels),
  valid: z.boolean(),
});
export type Phone = z.infer<typeof Phone>;

export const Email = z.object({ value: z.string(), label: z.enum(emailLabels) });
export type Email = z.infer<typeof Email>;

export const addressLabels = ['work', 'home', 'postal', 'other'] as const;
export type AddressLabel = (typeof addressLabels)[number];
/** How many addresses a person or a company may have (and what an export carries). */
export const MAX_ADDRESSES = 10;
/** How many phones, e-mails and tags a person or a company may have. */
export const MAX_PHONES = 20;
export const MAX_EMAILS = 20;
export const MAX_TAGS = 100;

export const Address = z.object({
  label: z.enum(addressLabels).default('work'),
  country: z.string().trim().max(100).nullable().default(null),
  region: z.string().trim().max(200).nullable().default(null),
  city: z.string().trim().max(200).nullable().default(null),
  street: z.string().trim().max(500).nullable().default(null),
  postalCode: z.string().trim().max(20).nullable().default(null),
});
export type Address = z.infer<typeof Address>;
export type AddressInput = z.input<typeof Address>;
