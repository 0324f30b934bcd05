/** Times as the app stores them: UTC ISO strings, and plain YYYY-MM-DD for birthdays. */
export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
