import { z } from 'zod';
import { IsoDateTime, LONG_TEXT_MAX, OptionalText, RecordId, TagName, Version } from './common';
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

export const CompanyInput = z.object({
  name: z.string().trim().min(1).max(300),
  legalName: OptionalText(500),
  website: OptionalText(500),
  industry: OptionalText(200),
  source: OptionalText(200),
  ownerId: RecordId.nullable().default(null),
  notes: OptionalText(LONG_TEXT_MAX),
  phones: z.array(PhoneInput).max(MAX_PHONES).default([]),
  emails: z.array(EmailInput).max(MAX_EMAILS).default([]),
  addresses: z.array(Address).max(MAX_ADDRESSES).default([]),
  tags: z.array(TagName).max(MAX_TAGS).default([]),
  customFields: CustomFieldValues.default({}),
});
export type CompanyInput = z.input<typeof CompanyInput>;
export type CompanyValues = z.output<typeof CompanyInput>;

export const Company = z.object({
  id: RecordId,
  name: z.string(),
  legalName: z.string().nullable(),
  website: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  owner: z.object({ id: RecordId, name: z.string() }).nullable(),
  notes: z.string().nullable(),
  phones: z.array(Phone),
  emails: z.array(Email),
  addresses: z.array(Address),
  tags: z.array(z.string()),
  customFields: CustomFieldValues,
  peopleCount: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
  /** Set on a copy merged into another record: it is kept, hidden, only so the merge can be undone. */
  mergedIntoId: RecordId.nullable(),
  version: Version,
});
export type Company = z.infer<typeof Company>;
