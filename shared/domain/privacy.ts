import { z } from 'zod';

/** Everything stored about one person, as a file the renderer offers for download. */
export const PersonalDataExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's text (JSON). */
  content: z.string(),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

export const EraseRequest = z.object({
  id: z.number().int().positive(),
  /** The person's display name typed back by the user: erasing can't be undone. */
  confirmation: z.string(),
});
