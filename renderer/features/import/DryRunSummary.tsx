import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportSummary } from '../../../shared/domain/imports';

const entities = ['people', 'companies'] as const;

const empty = (counts: ImportCounts) => Object.values(counts).every((value) => value === 0);

/** What the import would do: counts per record type, problems, and why rows are skipped. */
export function DryRunSummary({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const reasons = Object.entries(summary.skippedByReason).filter(([, count]) => count > 0);
  const shown = entities.filter((entity) => !empty(summary[entity]));
  return (
    <Paper withBorder p="md" radius="md" data-testid="dry-run-summary">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('importWizard.dryRun.summary')}</Title>
          <Text size="sm" c="dimmed">
            {t('importWizard.dryRun.rows', { count: summary.rows })}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: shown.length > 1 ? 2 : 1 }}>
          {shown.map((entity) => {
            const counts = summary[entity];
            return (
              <Stack key={entity} gap={2} data-testid={`summary-${entity}`}>
                <Text fw={600}>{t(`importWizard.sheet.entities.${entity === 'people' ? 'person' : 'company'}`)}</Text>
                <Text size="lg">{t('importWizard.dryRun.willCreate', counts)}</Text>
                <Text size="sm" c="dimmed">
                  {[
                    counts.unchanged > 0 && t('importWizard.dryRun.unchanged', { count: counts.unchanged }),
                    counts.merge > 0 && t('importWizard.dryRun.merged', { count: counts.merge }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
            );
          })}
        </SimpleGrid>
        {summary.linkedCompaniesCreated > 0 && (
          <Text size="sm">{t('importWizard.dryRun.linkedCompanies', { count: summary.linkedCompaniesCreated })}</Text>
        )}
        <Text size="sm" c={summary.errors > 0 ? 'red' : 'dimmed'}>
          {t('importWizard.dryRun.problems', { errors: summary.errors, warnings: summary.warnings })}
        </Text>
        {reasons.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('importWizard.dryRun.skippedBecause')}:</Text>
            {reasons.map(([reason, count]) => (
              <Badge key={reason} color="red" variant="light" tt="none">
                {t(`importWizard.problems.${reason}`, { defaultValue: reason })}: {count}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
