import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Language names are written in their own language, so anyone can find theirs. */
const languageOptions = [
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

export function AppearanceSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useChannelMutation('settings:update', ['settings:get']);
  return (
    <Card withBorder>
      <Title order={4} mb="md">
        {t('settings.appearance')}
      </Title>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="language-label">
            {t('settings.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="language-label"
            data-testid="language-switch"
            data={languageOptions}
            value={settings.language}
            onChange={(value) => update.mutate({ language: value === 'en' ? 'en' : 'ru' })}
            w="fit-content"
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="theme-label">
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            data={(['light', 'dark', 'auto'] as const).map((value) => ({
              value,
              label: t(`settings.themes.${value}`),
            }))}
            value={settings.theme}
            onChange={(value) => update.mutate({ theme: value === 'light' || value === 'dark' ? value : 'auto' })}
            w="fit-content"
          />
        </Stack>
        <ErrorAlert error={update.error} />
      </Stack>
    </Card>
  );
}
