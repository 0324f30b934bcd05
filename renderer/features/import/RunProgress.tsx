import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { formatDuration } from './format-duration';
import type { TaskProgress } from './useTaskProgress';

type RunProgressProps = { progress: TaskProgress; onCancel: () => void };

/** The running import: rows done of all, speed and time left, and a way to stop it. */
export function RunProgress({ progress, onCancel }: RunProgressProps) {
  const { t, i18n } = useTranslation();
  const { done, total, rate, secondsLeft } = progress;
  const percent = total ? Math.min(100, (done / total) * 100) : 0;
  const details = [
    total !== null &&
      t('importWizard.run.progress', {
        done: formatNumber(done, i18n.language),
        total: formatNumber(total, i18n.language),
      }),
    rate !== null && t('importWizard.run.speed', { rate: formatNumber(Math.round(rate), i18n.language) }),
    secondsLeft !== null && t('importWizard.run.left', { time: formatDuration(secondsLeft, t) }),
  ].filter(Boolean);
  return (
    <Stack gap="sm" data-testid="run-progress">
      <Text fw={500}>{t('importWizard.run.running')}</Text>
      <Progress value={percent} size="lg" animated striped={percent < 100} aria-label={t('importWizard.run.running')} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {details.join(' · ')}
        </Text>
        <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={onCancel}>
          {t('importWizard.run.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
