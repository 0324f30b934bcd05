import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/queries';
import { useTaskProgress, type TaskProgress } from './useTaskProgress';
import { initialWizardState, wizardReducer, type WizardAction, type WizardState } from './wizard-state';

/** A dry run or the import itself: running, its progress, its last error. */
export type WizardTask = { pending: boolean; error: Error | null; progress: TaskProgress; start(): void };

export type Wizard = {
  state: WizardState;
  dispatch: (action: WizardAction) => void;
  dryRun: WizardTask;
  run: WizardTask;
};

const WizardContext = createContext<Wizard | null>(null);

/**
 * The import wizard's state, its dry run and its run, for as long as the database is open: the
 * user may look at the client base (or the import history) in the middle of the wizard, even
 * while the import writes, and come back to the step, the progress bar and the report where they
 * were. The open session is closed when the wizard leaves it (a new file, start over, lock).
 */
export function ImportWizardProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const sessionId = state.file?.sessionId ?? '';
  useEffect(() => {
    if (!sessionId) return;
    return () => {
      void call('import:close', { sessionId }).catch(() => undefined);
    };
  }, [sessionId]);

  const dryRunMutation = useChannelMutation('import:dryRun');
  const dryRunProgress = useTaskProgress(sessionId, 'dryRun');
  const { setup, dryRunStale, step } = state;
  const { mutate: mutateDryRun } = dryRunMutation;
  const { restart: restartDryRun } = dryRunProgress;
  const startDryRun = useCallback(() => {
    if (!setup) return;
    restartDryRun();
    mutateDryRun({ sessionId, setup }, { onSuccess: (result) => dispatch({ type: 'dryRunDone', result }) });
  }, [setup, sessionId, mutateDryRun, restartDryRun]);
  // On the dry-run step every change to the setup is checked again at once. Started here, not by
  // the step's screen: coming back to the step doesn't start a second check of the same setup.
  useEffect(() => {
    if (step === 3 && dryRunStale) startDryRun();
  }, [step, dryRunStale, startDryRun]);

  const runMutation = useChannelMutation('import:run', [
    'people:list',
    'people:count',
    'companies:list',
    'companies:count',
    'import:history',
  ]);
  const runProgress = useTaskProgress(sessionId, 'import');
  const { mutate: mutateRun } = runMutation;
  const { restart: restartRun } = runProgress;
  const startRun = useCallback(() => {
    if (!setup) return;
    restartRun();
    dispatch({ type: 'runStarted' });
    mutateRun(
      { sessionId, setup },
      {
        onSuccess: (report) => dispatch({ type: 'reportDone', report }),
        onError: () => dispatch({ type: 'runFailed' }),
      },
    );
  }, [setup, sessionId, mutateRun, restartRun]);

  const wizard = useMemo<Wizard>(
    () => ({
      state,
      dispatch,
      dryRun: {
        pending: dryRunMutation.isPending,
        error: dryRunMutation.error,
        progress: dryRunProgress.progress,
        start: startDryRun,
      },
      run: {
        pending: runMutation.isPending,
        error: runMutation.error,
        progress: runProgress.progress,
        start: startRun,
      },
    }),
    [
      state,
      dryRunMutation.isPending,
      dryRunMutation.error,
      dryRunProgress.progress,
      startDryRun,
      runMutation.isPending,
      runMutation.error,
      runProgress.progress,
      startRun,
    ],
  );
  return <WizardContext.Provider value={wizard}>{children}</WizardContext.Provider>;
}

export function useImportWizard(): Wizard {
  const wizard = useContext(WizardContext);
  if (!wizard) throw new Error('useImportWizard outside ImportWizardProvider');
  return wizard;
}
