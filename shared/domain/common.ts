import { z } from 'zod';

export const RecordId = z.number().int().positive();
export type RecordId = z.infer<typeof RecordId>;

/** The longest free text a record keeps in one field (notes, a custom text): what one cell can hold, and more. */
export const LONG_TEXT_MAX = 20_000;

/** Optional free text: trimmed, and empty becomes null so "no value" has one spelling. */
export const OptionalText = (max = 2000) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim())
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime();

/** Every editable row carries a version; an update names the version it was based on. */
export const Version = z.number().int().positive();

/**
 * What separates tags in one cell of a spreadsheet and in the tag inputs. A tag can't contain one:
 * an exported "Окна, двери" would come back as two tags.
 */
export const TAG_SEPARATORS = [',', ';'] as const;

export const TagName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !/[,;\n\r]/.test(name), { message: 'A tag cannot contain a comma, semicolon or line break' });
