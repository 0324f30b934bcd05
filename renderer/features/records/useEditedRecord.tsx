import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { changedFields } from './InlineEdit';

/**
 * The record a form edits (as the form opened it: its version goes back with the save) and the
 * form's values. After a Conflict (a colleague saved the record meanwhile), `takeLatest` reads the
 * record as it is now and puts the user's own changes back on top: the fields the user changed are
 * theirs, the rest the colleague's. Saving again then succeeds; before, the form could only be left.
 */
export function useEditedRecord<R, F extends object>(
  opened: R | null,
  toForm: (record: R | null) => F,
  readLatest: (record: R) => Promise<R>,
) {
  const [record, setRecord] = useState(opened);
  const [form, setForm] = useState<F>(() => toForm(opened));
  async function takeLatest() {
    if (record === null) return;
    const latest = await readLatest(record);
    const mine = changedFields(form, toForm(record));
    setRecord(latest);
    setForm({ ...toForm(latest), ...mine });
  }
  return { record, form, setForm, takeLatest };
}

/** The save's error; for a Conflict, with the way out: the latest version, keeping the user's changes. */
export function SaveError({ error, onTakeLatest }: { error: unknown; onTakeLatest: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!(error instanceof ApiError && error.code === 'Conflict')) return <ErrorAlert error={error} />;
  return (
    <Alert color="orange" data-testid="save-conflict">
      {t('records.form.conflict')}
      <Button
        mt="sm"
        display="block"
        variant="light"
        color="orange"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void onTakeLatest().finally(() => setBusy(false));
        }}
      >
        {t('records.form.takeLatest')}
      </Button>
    </Alert>
  );
}
