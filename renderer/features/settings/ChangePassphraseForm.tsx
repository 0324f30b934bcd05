import { Button, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/constants';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Re-encrypts the database with a new passphrase (main keeps a safety copy until it is verified). */
export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const change = useChannelMutation('database:changePassphrase', ['settings:get']);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const tooShort = [...next].length < MIN_PASSPHRASE_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (current === '' || tooShort || next !== confirmation) return;
    change.mutate(
      { currentPassphrase: current, newPassphrase: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirmation('');
          setSubmitted(false);
          notifications.show({ message: t('settings.passphrase.done'), color: 'teal' });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <Title order={5}>{t('settings.passphrase.title')}</Title>
        <PasswordInput
          label={t('settings.passphrase.current')}
          name="current-passphrase"
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          autoComplete="current-password"
          error={submitted && current === '' ? t('start.create.required') : undefined}
        />
        <PasswordInput
          label={t('settings.passphrase.new')}
          name="new-passphrase"
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          autoComplete="new-password"
          description={t('start.create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          error={submitted && tooShort ? t('start.create.tooShort', { min: MIN_PASSPHRASE_LENGTH }) : undefined}
        />
        <PasswordInput
          label={t('settings.passphrase.confirm')}
          name="new-passphrase-confirmation"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          autoComplete="new-password"
          error={submitted && next !== confirmation ? t('start.create.mismatch') : undefined}
        />
        <ErrorAlert error={change.error} />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('settings.passphrase.submit')}
        </Button>
      </Stack>
    </form>
  );
}
