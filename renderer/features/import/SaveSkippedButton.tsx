import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAppInfo, useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Writes the skipped rows, with their reasons, to an .xlsx the user fixes and imports again. */
export function SaveSkippedButton({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const native = useAppInfo().data?.nativeDialogs === true;
  const [path, setPath] = useState('');
  const save = useChannelMutation('import:saveSkipped');
  const language = i18n.language === 'en' ? 'en' : 'ru';

  async function saveNative() {
    const picked = await call('dialogs:chooseExportPath', { suggestedName: 'skipped', extension: 'xlsx' });
    // The native dialog has asked whether to replace a file already there.
    if (picked.path) save.mutate({ sessionId, path: picked.path, replace: true, language });
  }

  const button = (onClick: () => void) => (
    <Button
      variant="light"
      leftSection={<IconDownload size={16} />}
      onClick={onClick}
      loading={save.isPending}
      disabled={!native && !path.trim()}
    >
      {t('importWizard.run.saveSkipped')}
    </Button>
  );

  return (
    <Stack gap="xs" maw={720}>
      {native ? (
        button(() => void saveNative())
      ) : (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('importWizard.run.skippedPath')}
            name="skipped-path"
            placeholder={t('importWizard.run.skippedPathPlaceholder')}
            value={path}
            onChange={(event) => setPath(event.currentTarget.value)}
            spellCheck={false}
          />
          {button(() => save.mutate({ sessionId, path: path.trim(), language }))}
        </Group>
      )}
      {save.data && (
        <Text size="sm" c="teal" data-testid="skipped-saved">
          {t('importWizard.run.skippedSaved', { path: save.data.path })}
        </Text>
      )}
      <ErrorAlert error={save.error} />
    </Stack>
  );
}
