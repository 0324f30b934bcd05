import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/domain/imports';
import { initialWizardState, wizardReducer, type WizardState } from '../../renderer/features/import/wizard-state';

describe('the import wizard while an import runs', () => {
  const atRun: WizardState = { ...initialWizardState, step: 4 };
  const report = { importId: 7 } as unknown as ImportReport;

  it('stays on the run step: no going back, no starting over, until the import ends', () => {
    const running = wizardReducer(atRun, { type: 'runStarted' });
    expect(running.running).toBe(true);
    expect(wizardReducer(running, { type: 'goTo', step: 3 })).toBe(running);
    expect(wizardReducer(running, { type: 'reset' })).toBe(running);

    const done = wizardReducer(running, { type: 'reportDone', report });
    expect(done).toMatchObject({ running: false, report });
  });

  it('lets the user back to the steps when the import fails', () => {
    const failed = wizardReducer(wizardReducer(atRun, { type: 'runStarted' }), { type: 'runFailed' });
    expect(failed.running).toBe(false);
    expect(wizardReducer(failed, { type: 'goTo', step: 3 }).step).toBe(3);
  });
});
