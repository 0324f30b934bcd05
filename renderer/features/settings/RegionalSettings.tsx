import { Card, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { countryOptions } from './country-options';

/** How national phone numbers are read when typed in forms and in search. */
export function RegionalSettings({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const update = useChannelMutation('settings:update', ['settings:get']);
  return (
    <Card withBorder>
      <Title order={4} mb="md">
        {t('fieldsAdmin.regional.title')}
      </Title>
      <Stack gap="md">
        <Select
          label={t('fieldsAdmin.regional.country')}
          name="default-country"
          description={t('fieldsAdmin.regional.countryHint')}
          data={countryOptions(i18n.language, settings.defaultCountry)}
          value={settings.defaultCountry}
          onChange={(value) => value !== null && update.mutate({ defaultCountry: value })}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('fieldsAdmin.regional.nothingFound')}
          maw={420}
        />
        <ErrorAlert error={update.error} />
      </Stack>
    </Card>
  );
}
