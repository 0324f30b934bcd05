import { Button, Group, Stack, Stepper } from '@mantine/core';
import { IconHistory, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { PageHeader } from '../../components/PageHeader';
import { DryRunStep } from './DryRunStep';
import { FileStep } from './FileStep';
import { OptionsStep } from './OptionsStep';
import { RunStep } from './RunStep';
import { SheetsStep } from './SheetsStep';
import { useImportWizard } from './ImportWizardProvider';
import { STEPS, setupReady, type StepIndex } from './wizard-state';

/** The import wizard: file, columns, options, dry run, import. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const wizard = useImportWizard();
  const { state, dispatch } = wizard;

  // Steps already reachable can be clicked; the run step only after a fresh dry run, never after the report.
  const reachable = (step: number) => {
    if (state.report || state.running) return false;
    if (step === 0) return true;
    if (!state.file) return false;
    if (step <= 1) return true;
    if (!setupReady(state.setup)) return false;
    return step <= 3 || (state.dryRun !== null && !state.dryRunStale);
  };

  return (
    <Stack gap={0} maw={1280}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PageHeader title={t('importWizard.title')} subtitle={t('importWizard.subtitle')} />
        <Group gap="xs" wrap="nowrap">
          {state.file && !state.report && !state.running && (
            <Button
              variant="subtle"
              leftSection={<IconRefresh size={16} />}
              onClick={() => dispatch({ type: 'reset' })}
            >
              {t('importWizard.startOver')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconHistory size={16} />}
            onClick={() => navigate('/import/history')}
            data-testid="open-import-history"
          >
            {t('importWizard.history')}
          </Button>
        </Group>
      </Group>
      <Stepper
        // After the report every step is done, the last one too: it gets its tick like the others.
        active={state.report ? STEPS.length : state.step}
        onStepClick={(step) => reachable(step) && dispatch({ type: 'goTo', step: step as StepIndex })}
        size="sm"
        allowNextStepsSelect={false}
        data-testid="import-stepper"
      >
        {STEPS.map((step, index) => (
          <Stepper.Step
            key={step}
            label={t(`importWizard.steps.${step}`)}
            description={t(`importWizard.steps.${step}Hint`)}
            allowStepSelect={reachable(index)}
          >
            {index === 0 && <FileStep wizard={wizard} />}
            {index === 1 && <SheetsStep wizard={wizard} />}
            {index === 2 && <OptionsStep wizard={wizard} />}
            {index === 3 && <DryRunStep wizard={wizard} />}
            {index === 4 && <RunStep wizard={wizard} />}
          </Stepper.Step>
        ))}
        <Stepper.Completed>
          <RunStep wizard={wizard} />
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
