import { z } from 'zod';
import { Activity } from './activities';
import { IsoDateTime, RecordId } from './common';

export const TimelineCursor = z.object({ occurredAt: IsoDateTime, id: RecordId });

export const TimelineQuery = z
  .object({
    personId: RecordId.optional(),
    companyId: RecordId.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: TimelineCursor.nullable().default(null),
  })
  .refine((query) => (query.personId === undefined) !== (query.companyId === undefined), {
    message: 'Give either personId or companyId',
  });
export type TimelineQuery = z.input<typeof TimelineQuery>;

export const TimelinePage = z.object({
  activities: z.array(Activity),
  nextCursor: TimelineCursor.nullable(),
  /** A company's timeline holds its people's activities too: the names of those on this page. */
  people: z.array(z.object({ id: RecordId, name: z.string() })),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
