import { z } from 'zod';
import { IsoDateTime, OptionalText, RecordId, Version } from './common';

export const activityKinds = ['call', 'meeting', 'email', 'note'] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ActivityDirection = z.enum(['inbound', 'outbound']);

export const ActivityInput = z
  .object({
    kind: ActivityKind,
    occurredAt: IsoDateTime,
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .default(null),
    direction: ActivityDirection.nullable().default(null),
    outcome: OptionalText(200),
    subject: OptionalText(500),
    body: OptionalText(50_000),
    personId: RecordId.nullable().default(null),
    companyId: RecordId.nullable().default(null),
  })
  .refine((value) => value.personId !== null || value.companyId !== null, {
    message: 'An activity belongs to a person or a company',
    path: ['personId'],
  });
export type ActivityInput = z.input<typeof ActivityInput>;
export type ActivityValues = z.output<typeof ActivityInput>;

export const Activity = z.object({
  id: RecordId,
  kind: ActivityKind,
  occurredAt: IsoDateTime,
  durationMinutes: z.number().int().nullable(),
  direction: ActivityDirection.nullable(),
  outcome: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  personId: RecordId.nullable(),
  companyId: RecordId.nullable(),
  owner: z.object({ id: RecordId, name: z.string() }).nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Version,
});
export type Activity = z.infer<typeof Activity>;
