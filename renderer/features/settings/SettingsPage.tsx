import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { AppearanceSettings } from './AppearanceSettings';
import { DatabaseFileSettings } from './DatabaseFileSettings';
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
            <SecuritySettings settings={data} />
            <DatabaseFileSettings settings={data} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
