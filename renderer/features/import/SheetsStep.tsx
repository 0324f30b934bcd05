import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SheetCard } from './SheetCard';
import { StepNav } from './StepNav';
import type { Wizard } from './ImportWizardProvider';
import { setupReady } from './wizard-state';

/** Step 2: each sheet's record type, header row and column mapping. */
export function SheetsStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, dispatch } = wizard;
  if (!state.file || !state.setup) return null;
  const ready = setupReady(state.setup);
  return (
    <Stack gap="md">
      {state.file.sheets.map((preview) => {
        const sheet = state.setup!.sheets.find((candidate) => candidate.sheet === preview.name);
        return sheet ? (
          <SheetCard
            key={preview.name}
            sessionId={state.file!.sessionId}
            preview={preview}
            sheet={sheet}
            fromExcel={state.file!.format === 'xlsx'}
            dispatch={dispatch}
          />
        ) : null;
      })}
      {!ready && <Alert color="yellow">{t('importWizard.mapping.nothingMapped')}</Alert>}
      <StepNav
        onBack={() => dispatch({ type: 'goTo', step: 0 })}
        onNext={() => dispatch({ type: 'goTo', step: 2 })}
        nextDisabled={!ready}
      />
    </Stack>
  );
}
