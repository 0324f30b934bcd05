import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportReportView } from './ImportReportView';
import { RunProgress } from './RunProgress';
import { StepNav } from './StepNav';
import type { Wizard } from './ImportWizardProvider';

/** Step 5: writes the records with a progress bar, then reports what was done. */
export function RunStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, dispatch } = wizard;
  const sessionId = state.file?.sessionId ?? '';
  // Run by the wizard itself, so it goes on (and reports) while the user looks elsewhere.
  const { run } = wizard;
  const { progress } = run;
  const total = state.dryRun?.summary.rows ?? null;

  if (state.report) {
    return (
      <ImportReportView report={state.report} sessionId={sessionId} onNewImport={() => dispatch({ type: 'reset' })} />
    );
  }
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        {run.pending ? (
          <RunProgress
            progress={{ ...progress, total: progress.total ?? total }}
            onCancel={() => void call('import:cancel', { sessionId })}
          />
        ) : (
          <Stack gap="sm" align="flex-start">
            <Text>{t('importWizard.run.startHint')}</Text>
            <Button size="md" leftSection={<IconPlayerPlay size={18} />} onClick={run.start} data-testid="run-import">
              {t('importWizard.run.start')}
            </Button>
          </Stack>
        )}
      </Paper>
      <ErrorAlert error={run.error} />
      {!run.pending && (
        <Group>
          <StepNav onBack={() => dispatch({ type: 'goTo', step: 3 })} />
        </Group>
      )}
    </Stack>
  );
}
