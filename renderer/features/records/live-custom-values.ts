import { useRef, useState } from 'react';
import type { CustomFieldEntity, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { call } from '../../api/client';

/**
 * Keeps a form's custom values to the fields that exist when it is saved: a field archived while
 * the form was open (in settings, or on another computer sharing the file) is left out; main
 * refuses values for it, and the form could not be saved at all. While the fields are read,
 * `checking` holds: the save button shows it, and a second Enter meanwhile is not a second save.
 */
export function useLiveCustomValues(entity: CustomFieldEntity) {
  const [checking, setChecking] = useState(false);
  const busy = useRef(false);
  /** The values of live fields; null when a save is being prepared already. */
  async function live(values: CustomFieldValues): Promise<CustomFieldValues | null> {
    if (busy.current) return null;
    busy.current = true;
    setChecking(true);
    try {
      const keys = new Set((await call('customFields:list', { entity })).map((field) => field.key));
      return Object.fromEntries(Object.entries(values).filter(([key]) => keys.has(key)));
    } catch {
      // The save goes as it is: its own answer says what is wrong.
      return values;
    } finally {
      busy.current = false;
      setChecking(false);
    }
  }
  return { live, checking };
}
