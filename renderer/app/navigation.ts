import { IconBuilding, IconFileImport, IconHome, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';

/** The app's sections. Only working screens are listed; later issues add theirs here. */
export const sections = [
  { path: '/', labelKey: 'nav.overview', icon: IconHome },
  { path: '/people', labelKey: 'nav.people', icon: IconUsers },
  { path: '/companies', labelKey: 'nav.companies', icon: IconBuilding },
  { path: '/import', labelKey: 'nav.import', icon: IconFileImport },
  { path: '/settings', labelKey: 'nav.settings', icon: IconSettings },
] as const satisfies ReadonlyArray<{ path: string; labelKey: string; icon: Icon }>;

export function isSectionActive(sectionPath: string, location: string): boolean {
  return sectionPath === '/' ? location === '/' : location === sectionPath || location.startsWith(`${sectionPath}/`);
}
