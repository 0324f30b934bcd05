import { z } from 'zod';

const emailSchema = z.email();

/** Lower-cased and trimmed; null when it isn't an address. */
export function normaliseEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  return emailSchema.safeParse(value).success ? value : null;
}
