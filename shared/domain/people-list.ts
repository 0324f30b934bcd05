import { z } from 'zod';
import { IsoDateTime, RecordId } from './common';
import { CustomFieldValues } from './custom-fields';

/** One row of the people list: what the columns show, nothing more. */
export const PersonListRow = z.object({
  id: RecordId,
  displayName: z.string(),
  company: z.object({ id: RecordId, name: z.string() }).nullable(),
  position: z.string().nullable(),
  city: z.string().nullable(),
  source: z.string().nullable(),
  owner: z.object({ id: RecordId, name: z.string() }).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: CustomFieldValues,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
});
export type PersonListRow = z.infer<typeof PersonListRow>;

export const PersonListPage = z.object({ rows: z.array(PersonListRow) });
export type PersonListPage = z.infer<typeof PersonListPage>;

/** The people fields the filter builder and sort know, besides "custom.<key>". */
export const personListFields = [
  'name',
  'company',
  'position',
  'city',
  'source',
  'owner',
  'tags',
  'email',
  'phone',
  'birthday',
  'createdAt',
  'updatedAt',
] as const;
export type PersonListField = (typeof personListFields)[number];
