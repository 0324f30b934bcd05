import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DryRunSummary } from './DryRunSummary';
import { RowsGrid } from './RowsGrid';
import { StepNav } from './StepNav';
import type { Wizard } from './ImportWizardProvider';
import { ValueChoicesSection } from './ValueChoicesSection';

/** Step 4: checks the whole file without writing, and again after every change made here. */
export function DryRunStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, dispatch } = wizard;
  const sessionId = state.file?.sessionId ?? '';
  // Started (again after every change) by the wizard itself: see ImportWizardProvider.
  const { pending: isPending, error, progress, start: check } = wizard.dryRun;
  const { setup, dryRunStale } = state;

  if (!setup) return null;
  const result = state.dryRun;
  return (
    <Stack gap="md">
      {isPending && (
        <Paper withBorder p="sm" radius="md" data-testid="dry-run-progress">
          <Group gap="sm">
            <Loader size="xs" />
            <Text size="sm">
              {result ? t('importWizard.dryRun.stale') : t('importWizard.dryRun.running')}
              {progress.done > 0 && ` ${t('importWizard.dryRun.checked', { count: progress.done })}`}
            </Text>
          </Group>
        </Paper>
      )}
      {error && (
        <Group gap="sm" align="flex-start">
          <div style={{ flex: 1 }}>
            <ErrorAlert error={error} />
          </div>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={check}>
            {t('importWizard.dryRun.rerun')}
          </Button>
        </Group>
      )}
      {result && (
        <>
          <DryRunSummary summary={result.summary} />
          <ValueChoicesSection
            choices={result.valueChoices}
            mappings={setup.valueMappings}
            onChange={(field, key, value) => dispatch({ type: 'valueMapping', field, key, value })}
          />
          <RowsGrid
            sessionId={sessionId}
            version={state.dryRunVersion}
            setup={setup}
            busy={isPending || dryRunStale}
            dispatch={dispatch}
          />
        </>
      )}
      <StepNav
        onBack={() => dispatch({ type: 'goTo', step: 2 })}
        onNext={() => dispatch({ type: 'goTo', step: 4 })}
        nextDisabled={!result || dryRunStale || isPending}
      />
    </Stack>
  );
}
