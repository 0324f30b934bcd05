import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportReportView } from './ImportReportView';
import { RunProgress } from './RunProgress';
import { StepNav } from './StepNav';
import { useTaskProgress } from './useTaskProgress';
import type { Wizard } from './useImportWizard';

/** Step 5: writes the records with a progress bar, then reports what was done. */
export function RunStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, dispatch } = wizard;
  const sessionId = state.file?.sessionId ?? '';
  const run = useChannelMutation('import:run', [
    'people:list',
    'people:count',
    'companies:list',
    'companies:count',
    'import:history',
  ]);
  const { progress, restart } = useTaskProgress(sessionId, 'import');
  const total = state.dryRun?.summary.rows ?? null;

  function start() {
    if (!state.setup) return;
    restart();
    dispatch({ type: 'runStarted' });
    run.mutate(
      { sessionId, setup: state.setup },
      {
        onSuccess: (report) => dispatch({ type: 'reportDone', report }),
        onError: () => dispatch({ type: 'runFailed' }),
      },
    );
  }

  if (state.report) {
    return (
      <ImportReportView report={state.report} sessionId={sessionId} onNewImport={() => dispatch({ type: 'reset' })} />
    );
  }
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        {run.isPending ? (
          <RunProgress
            progress={{ ...progress, total: progress.total ?? total }}
            onCancel={() => void call('import:cancel', { sessionId })}
          />
        ) : (
          <Stack gap="sm" align="flex-start">
            <Text>{t('importWizard.run.startHint')}</Text>
            <Button size="md" leftSection={<IconPlayerPlay size={18} />} onClick={start} data-testid="run-import">
              {t('importWizard.run.start')}
            </Button>
          </Stack>
        )}
      </Paper>
      <ErrorAlert error={run.error} />
      {!run.isPending && (
        <Group>
          <StepNav onBack={() => dispatch({ type: 'goTo', step: 3 })} />
        </Group>
      )}
    </Stack>
  );
}
