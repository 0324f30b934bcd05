import { z } from 'zod';
import { IsoDateTime, RecordId } from './common';
import { CustomFieldValues } from './custom-fields';

export const CompanyListRow = z.object({
  id: RecordId,
  name: z.string(),
  industry: z.string().nullable(),
  city: z.string().nullable(),
  source: z.string().nullable(),
  owner: z.object({ id: RecordId, name: z.string() }).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  tags: z.array(z.string()),
  peopleCount: z.number().int().nonnegative(),
  customFields: CustomFieldValues,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
});
export type CompanyListRow = z.infer<typeof CompanyListRow>;

export const CompanyListPage = z.object({ rows: z.array(CompanyListRow) });
