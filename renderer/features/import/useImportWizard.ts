import { useEffect, useReducer } from 'react';
import { call } from '../../api/client';
import { initialWizardState, wizardReducer, type WizardAction, type WizardState } from './wizard-state';

export type Wizard = { state: WizardState; dispatch: (action: WizardAction) => void };

/** The whole wizard's state in one reducer; the open session is closed when the wizard leaves it. */
export function useImportWizard(): Wizard {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const sessionId = state.file?.sessionId;
  useEffect(() => {
    if (!sessionId) return;
    return () => {
      void call('import:close', { sessionId }).catch(() => undefined);
    };
  }, [sessionId]);
  return { state, dispatch };
}
