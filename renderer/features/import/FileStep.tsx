import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileRequest } from '../../../shared/domain/imports';
import { call } from '../../api/client';
import { useAppInfo, useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePathInput } from '../../components/FilePathInput';
import { CsvOptions } from './CsvOptions';
import { StepNav } from './StepNav';
import type { Wizard } from './ImportWizardProvider';

/** Step 1: the file to import, picked or typed, and how a CSV is read. */
export function FileStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, dispatch } = wizard;
  const native = useAppInfo().data?.nativeDialogs === true;
  const [path, setPath] = useState(state.path);
  const open = useChannelMutation('import:open');

  function openFile(request: ImportFileRequest) {
    open.mutate(request, { onSuccess: (file) => dispatch({ type: 'opened', file, path: request.path }) });
  }

  async function choose() {
    const picked = await call('dialogs:chooseImportFile', {});
    if (picked.path) {
      setPath(picked.path);
      openFile({ path: picked.path });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (path.trim()) openFile({ path: path.trim() });
  }

  const file = state.file;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FilePathInput
              label={t('importWizard.file.path')}
              name="import-path"
              description={t('importWizard.file.pathHint')}
              placeholder={t('importWizard.file.pathPlaceholder')}
              value={path}
              onChange={setPath}
              onChoose={native ? () => void choose() : undefined}
            />
            <Text size="sm" c="dimmed">
              {t('importWizard.file.formats')}
            </Text>
            {!native && (
              <Group>
                <Button type="submit" loading={open.isPending} disabled={!path.trim()}>
                  {t('importWizard.file.open')}
                </Button>
              </Group>
            )}
            <ErrorAlert error={open.error} />
          </Stack>
        </form>
      </Paper>
      {file && (
        <Paper withBorder p="md" radius="md" data-testid="import-file">
          <Stack gap="sm">
            <Group gap="xs" wrap="nowrap">
              <IconFileSpreadsheet size={20} />
              <Text fw={500} truncate="end">
                {file.fileName}
              </Text>
              <Badge variant="light">{file.format}</Badge>
            </Group>
            {file.ownWorkbook && (
              <Text size="sm">
                {t(file.fromOtherDatabase ? 'importWizard.file.ownWorkbookOther' : 'importWizard.file.ownWorkbook')}
              </Text>
            )}
            {file.csv && (
              <CsvOptions
                csv={file.csv}
                loading={open.isPending}
                onChange={(overrides) => openFile({ path: state.path, ...overrides })}
              />
            )}
          </Stack>
        </Paper>
      )}
      <StepNav onNext={file ? () => dispatch({ type: 'goTo', step: 1 }) : undefined} />
    </Stack>
  );
}
