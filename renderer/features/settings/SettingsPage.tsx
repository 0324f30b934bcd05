import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { AppearanceSettings } from './AppearanceSettings';
import { CustomFieldsSettings } from './CustomFieldsSettings';
import { DatabaseFileSettings } from './DatabaseFileSettings';
import { OwnersSettings } from './OwnersSettings';
import { RegionalSettings } from './RegionalSettings';
import { SecuritySettings } from './SecuritySettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <QueryState query={settings}>
        {(data) => (
          <Stack gap="lg" maw={900}>
            <AppearanceSettings settings={data} />
            <RegionalSettings settings={data} />
            <CustomFieldsSettings />
            <OwnersSettings />
            <SecuritySettings settings={data} />
            <DatabaseFileSettings settings={data} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
