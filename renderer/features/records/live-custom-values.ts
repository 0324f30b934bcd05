import type { CustomFieldEntity, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { call } from '../../api/client';

/**
 * The values of fields that exist when the form is saved: a field archived while the form was open
 * (in settings, or on another computer sharing the file) is left out; main refuses values for it,
 * and the form could not be saved at all.
 */
export async function liveCustomValues(
  entity: CustomFieldEntity,
  values: CustomFieldValues,
): Promise<CustomFieldValues> {
  const live = new Set((await call('customFields:list', { entity })).map((field) => field.key));
  return Object.fromEntries(Object.entries(values).filter(([key]) => live.has(key)));
}
