import { IconHome, IconSettings, type Icon } from '@tabler/icons-react';

/** The app's sections. Only working screens are listed; later issues add theirs here. */
export const pages = [
  { id: 'overview', labelKey: 'nav.overview', icon: IconHome },
  { id: 'settings', labelKey: 'nav.settings', icon: IconSettings },
] as const satisfies ReadonlyArray<{ id: string; labelKey: string; icon: Icon }>;

export type PageId = (typeof pages)[number]['id'];
