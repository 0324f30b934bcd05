import { z } from 'zod';
import { IsoDateTime, RecordId, Version } from './common';

/** The kinds of record that have duplicates, merges and unmerges. */
export const MergeEntity = z.enum(['person', 'company']);
export type MergeEntity = z.infer<typeof MergeEntity>;

/** `nameAndCompany` is for people, `sameName` (legal form and quotes aside) for companies. */
export const DuplicateReason = z.enum(['email', 'phone', 'nameAndCompany', 'sameName', 'similarName']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** The finder's reasons per entity; the exact ones (all but `similarName`) are what a bulk merge takes. */
export const duplicateReasons = {
  person: ['email', 'phone', 'nameAndCompany', 'similarName'],
  company: ['email', 'phone', 'sameName', 'similarName'],
} as const satisfies Record<MergeEntity, readonly DuplicateReason[]>;
export const ExactDuplicateReason = z.enum(['email', 'phone', 'nameAndCompany', 'sameName']);
export type ExactDuplicateReason = z.infer<typeof ExactDuplicateReason>;

export const DuplicateMember = z.object({
  id: RecordId,
  displayName: z.string(),
  /** A person's company; a company's legal name or city. */
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
  entity: MergeEntity.default('person'),
  /** Reasons that don't apply to the entity are ignored; none given means all of the entity's. */
  reasons: z.array(DuplicateReason).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type FindDuplicatesQuery = z.input<typeof FindDuplicatesQuery>;

/** For each field that differs, which record's value the merged person keeps. */
export const MergeChoices = z.record(z.string(), z.enum(['survivor', 'merged']));

export const MergeRequest = z.object({
  survivorId: RecordId,
  mergedId: RecordId,
  choices: MergeChoices.default({}),
  /**
   * The versions the merge screen showed: a record changed since (on another computer) is refused
   * with Conflict rather than merged with values the user never saw. Bulk merges leave them out.
   */
  versions: z.object({ survivor: Version, merged: Version }).optional(),
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
  /**
   * A later merge into the same record is still in place: it has to be undone first (restoring this
   * one's snapshot would take away what the later one brought, and bring back what it removed).
   */
  laterMergeFirst: z.boolean(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

export const MergeExactRequest = z.object({
  entity: MergeEntity.default('person'),
  reasons: z.array(ExactDuplicateReason).min(1),
});
export type MergeExactRequest = z.input<typeof MergeExactRequest>;

export const UnmergeRequest = z.object({ mergeId: RecordId, force: z.boolean().default(false) });

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

/** Company fields a merge picks one side of. */
export const mergeableCompanyFields = [
  'name',
  'legalName',
  'website',
  'industry',
  'source',
  'ownerId',
  'notes',
] as const;
export type MergeableCompanyField = (typeof mergeableCompanyFields)[number];
