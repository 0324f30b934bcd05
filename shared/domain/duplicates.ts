import { z } from 'zod';
import { IsoDateTime, RecordId } from './common';

export const DuplicateReason = z.enum(['email', 'phone', 'nameAndCompany', 'similarName']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateMember = z.object({
  id: RecordId,
  displayName: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: IsoDateTime,
});

export const DuplicateGroup = z.object({
  reason: DuplicateReason,
  /** What the members share: the e-mail, the phone, the name... */
  key: z.string(),
  members: z.array(DuplicateMember).min(2),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const FindDuplicatesQuery = z.object({
  reasons: z.array(DuplicateReason).default(['email', 'phone', 'nameAndCompany', 'similarName']),
  limit: z.number().int().min(1).max(500).default(100),
});
export type FindDuplicatesQuery = z.input<typeof FindDuplicatesQuery>;

/** For each field that differs, which record's value the merged person keeps. */
export const MergeChoices = z.record(z.string(), z.enum(['survivor', 'merged']));

export const MergeRequest = z.object({
  survivorId: RecordId,
  mergedId: RecordId,
  choices: MergeChoices.default({}),
});
export type MergeRequest = z.input<typeof MergeRequest>;

export const MergeRecord = z.object({
  id: RecordId,
  survivorId: RecordId,
  mergedId: RecordId,
  mergedName: z.string(),
  mergedAt: IsoDateTime,
  /** False when the survivor was edited after the merge: unmerging would undo those edits too. */
  cleanlyReversible: z.boolean(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

export const MergeExactRequest = z.object({
  reasons: z.array(z.enum(['email', 'phone', 'nameAndCompany'])).min(1),
});

/** Person fields a merge picks one side of (the merge screen shows the text ones as choices). */
export const mergeableFields = [
  'lastName',
  'firstName',
  'middleName',
  'displayName',
  'companyId',
  'position',
  'website',
  'birthday',
  'source',
  'ownerId',
  'preferredChannel',
  'language',
  'notes',
  'contactConsent',
  'marketingConsent',
] as const;
export type MergeableField = (typeof mergeableFields)[number];
