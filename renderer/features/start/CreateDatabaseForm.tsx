import { Button, Checkbox, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/constants';
import { call } from '../../api/client';
import { useAppInfo, useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePathInput } from '../../components/FilePathInput';
import { suggestDatabasePath } from './database-path';

/** Creates a new encrypted database file and opens it. */
export function CreateDatabaseForm({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const appInfo = useAppInfo();
  const create = useChannelMutation('database:create');
  const [name, setName] = useState(() => t('start.create.defaultName'));
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [remember, setRemember] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const info = appInfo.data;
  // Until the user picks a path, it follows the name.
  const path = chosenPath ?? (info ? suggestDatabasePath(info.defaultDatabaseFolder, name, info.platform) : '');
  const nameError = submitted && name.trim() === '' ? t('start.create.required') : undefined;
  const lengthError =
    submitted && [...passphrase].length < MIN_PASSPHRASE_LENGTH
      ? t('start.create.tooShort', { min: MIN_PASSPHRASE_LENGTH })
      : undefined;
  const mismatchError = submitted && confirmation !== passphrase ? t('start.create.mismatch') : undefined;

  async function chooseFile() {
    const picked = await call('dialogs:chooseNewDatabasePath', { suggestedName: name });
    if (picked.path) setChosenPath(picked.path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (name.trim() === '' || path.trim() === '') return;
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH || confirmation !== passphrase) return;
    create.mutate({ path, name: name.trim(), passphrase, remember }, { onSuccess: onOpened });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('start.create.name')}
          name="database-name"
          placeholder={t('start.create.namePlaceholder')}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <FilePathInput
          label={t('start.create.file')}
          name="database-path"
          description={t('start.create.fileHint')}
          value={path}
          onChange={setChosenPath}
          onChoose={info?.nativeDialogs ? chooseFile : undefined}
        />
        <PasswordInput
          label={t('start.create.passphrase')}
          name="passphrase"
          description={t('start.create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          value={passphrase}
          error={lengthError}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('start.create.confirm')}
          name="passphrase-confirmation"
          value={confirmation}
          error={mismatchError}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          autoComplete="new-password"
          required
        />
        {info?.canRememberPassphrase && (
          <Checkbox
            label={t('start.create.remember')}
            description={t('start.create.rememberHint')}
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
          />
        )}
        <ErrorAlert error={create.error} />
        <Button type="submit" loading={create.isPending}>
          {t('start.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}
