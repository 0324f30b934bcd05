import { z } from 'zod';
import { RecordId } from './common';

/** Someone records can be assigned to ("owner"). Logins and roles come with the office-sharing work. */
export const User = z.object({
  id: RecordId,
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
});
export type User = z.infer<typeof User>;

export const UserInput = z.object({
  displayName: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email()).nullable().default(null),
});
export type UserInput = z.input<typeof UserInput>;
