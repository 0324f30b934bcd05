import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding, IconCircleCheck, IconHistory, IconRefresh, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ImportReport } from '../../../shared/domain/imports';
import { formatNumber } from '../../components/format';
import { formatElapsed } from './format-duration';
import { SaveSkippedButton } from './SaveSkippedButton';

type ImportReportViewProps = { report: ImportReport; sessionId: string; onNewImport: () => void };

/** What the finished import did, with the skipped rows to download and where to go next. */
export function ImportReportView({ report, sessionId, onNewImport }: ImportReportViewProps) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { people, companies } = report.summary;
  const created = people.create + companies.create + report.summary.linkedCompaniesCreated;
  const updated = people.update + companies.update;
  const skipped = people.skip + companies.skip;
  const stats = [
    { key: 'created', label: t('importWizard.run.created'), value: created, color: 'teal' },
    { key: 'updated', label: t('importWizard.run.updated'), value: updated, color: 'blue' },
    { key: 'skipped', label: t('importWizard.run.skipped'), value: skipped, color: skipped > 0 ? 'red' : 'gray' },
  ];
  return (
    <Paper withBorder p="lg" radius="md" data-testid="import-report">
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon color="teal" variant="light" size="lg" radius="xl">
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <Title order={3}>{t('importWizard.run.doneTitle')}</Title>
        </Group>
        <SimpleGrid cols={3} maw={560}>
          {stats.map((stat) => (
            <Stack key={stat.key} gap={0} data-testid={`report-${stat.key}`}>
              <Text size="xl" fw={700} c={stat.color}>
                {formatNumber(stat.value, i18n.language)}
              </Text>
              <Text size="sm" c="dimmed">
                {stat.label}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('importWizard.run.elapsed', {
            time: formatElapsed(report.elapsedMs, t, i18n.language),
            rate: formatNumber(Math.round(report.rowsPerSecond), i18n.language),
          })}
        </Text>
        {skipped > 0 && <SaveSkippedButton sessionId={sessionId} />}
        <Group gap="sm">
          {people.create + people.update > 0 && (
            <Button leftSection={<IconUsers size={16} />} onClick={() => navigate('/people')}>
              {t('importWizard.run.openPeople')}
            </Button>
          )}
          {companies.create + companies.update > 0 && (
            <Button leftSection={<IconBuilding size={16} />} onClick={() => navigate('/companies')}>
              {t('importWizard.run.openCompanies')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => navigate('/import/history')}>
            {t('importWizard.history')}
          </Button>
          <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={onNewImport}>
            {t('importWizard.run.newImport')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
