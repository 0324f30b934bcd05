import { Button, Checkbox, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAppInfo, useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePathInput } from '../../components/FilePathInput';

type OpenDatabaseFormProps = {
  /** Pre-filled path, e.g. from the recent list. */
  initialPath: string;
  onOpened: () => void;
};

/** Opens an existing encrypted database with its passphrase. */
export function OpenDatabaseForm({ initialPath, onOpened }: OpenDatabaseFormProps) {
  const { t } = useTranslation();
  const appInfo = useAppInfo();
  const unlock = useChannelMutation('database:unlock');
  const [path, setPath] = useState(initialPath);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);

  async function chooseFile() {
    const picked = await call('dialogs:chooseExistingDatabase', {});
    if (picked.path) setPath(picked.path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (path.trim() === '' || passphrase === '') return;
    unlock.mutate({ path: path.trim(), passphrase, remember }, { onSuccess: onOpened });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FilePathInput
          label={t('start.open.file')}
          name="open-path"
          placeholder={t('start.open.filePlaceholder')}
          value={path}
          onChange={setPath}
          onChoose={appInfo.data?.nativeDialogs ? chooseFile : undefined}
        />
        <PasswordInput
          label={t('start.open.passphrase')}
          name="open-passphrase"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          autoComplete="current-password"
          data-autofocus
        />
        {appInfo.data?.canRememberPassphrase && (
          <Checkbox
            label={t('start.create.remember')}
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
          />
        )}
        <ErrorAlert error={unlock.error} />
        <Button type="submit" loading={unlock.isPending} disabled={path.trim() === '' || passphrase === ''}>
          {t('start.open.submit')}
        </Button>
      </Stack>
    </form>
  );
}
