import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { ApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { useAppInfo } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';

type ExportResult = ChannelOutput<'export:records'>;

export type ExportJob = {
  /** File name without extension, e.g. "Контакты 2026-11-23". */
  suggestedName: string;
  extension: 'xlsx' | 'csv';
  /** `replace`: a file there may be replaced (the save dialog asked, or the user chose to). */
  run: (path: string, replace: boolean) => Promise<ExportResult>;
};

const FORBIDDEN_IN_FILE_NAMES = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

/** A full path in the default folder for the browser host, where the path is typed. */
function suggestPath(folder: string, platform: string, job: ExportJob): string {
  const separator = platform === 'win32' ? '\\' : '/';
  const base =
    [...job.suggestedName]
      .map((char) => (char.charCodeAt(0) < 32 || FORBIDDEN_IN_FILE_NAMES.has(char) ? ' ' : char))
      .join('')
      .replace(/\s+/g, ' ')
      .trim() || 'export';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${base}.${job.extension}`;
}

/**
 * Runs an export to a file the user names: the native save dialog in Electron, a path field in a
 * modal in the browser host. Reports the row count and path in a notification.
 */
export function useExportToFile(): { start: (job: ExportJob) => void; busy: boolean; modal: ReactNode } {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const errorText = (caught: unknown) =>
    caught instanceof ApiError ? t(`errors.${caught.code}`, { ...caught.details }) : t('common.unknownError');

  function notifyDone(result: ExportResult) {
    const lossy = (result.unencodable ?? 0) > 0;
    notifications.show({
      color: lossy ? 'yellow' : 'teal',
      title: t('export.done', { count: result.rows, formatted: formatNumber(result.rows, i18n.language) }),
      message: lossy
        ? `${result.path} — ${t('export.unencodable', { count: result.unencodable, formatted: formatNumber(result.unencodable ?? 0, i18n.language) })}`
        : result.path,
      autoClose: lossy ? false : 8000,
    });
  }

  async function execute(current: ExportJob, target: string, replace: boolean): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      notifyDone(await current.run(target, replace));
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function start(next: ExportJob) {
    if (info.data?.nativeDialogs) {
      void (async () => {
        try {
          const picked = await call('dialogs:chooseExportPath', {
            suggestedName: next.suggestedName.slice(0, 200),
            extension: next.extension,
          });
          if (!picked.path) return;
          setBusy(true);
          // The native dialog has asked whether to replace a file already there.
          notifyDone(await next.run(picked.path, true));
        } catch (caught) {
          notifications.show({ color: 'red', title: t('export.failed'), message: errorText(caught) });
        } finally {
          setBusy(false);
        }
      })();
      return;
    }
    setError(null);
    setPath(info.data ? suggestPath(info.data.defaultDatabaseFolder, info.data.platform, next) : '');
    setJob(next);
  }

  const fileExists = error instanceof ApiError && error.code === 'FileExists';

  const modal = (
    <Modal opened={job !== null} onClose={() => !busy && setJob(null)} title={t('export.pathTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!job || path.trim() === '') return;
          void execute(job, path.trim(), false).then((ok) => ok && setJob(null));
        }}
      >
        <Stack>
          <TextInput
            label={t('export.pathLabel')}
            description={t('export.pathHint', { extension: job?.extension ?? 'xlsx' })}
            value={path}
            onChange={(event) => setPath(event.currentTarget.value)}
            spellCheck={false}
            data-autofocus
          />
          {error !== null && (
            <>
              <ErrorAlert error={error} />
              <Text size="xs" c="dimmed">
                {t('export.failedHint')}
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setJob(null)} disabled={busy}>
              {t('export.cancel')}
            </Button>
            {fileExists && (
              <Button
                color="orange"
                variant="light"
                loading={busy}
                onClick={() => job && void execute(job, path.trim(), true).then((ok) => ok && setJob(null))}
              >
                {t('export.replace')}
              </Button>
            )}
            <Button type="submit" loading={busy} disabled={path.trim() === ''}>
              {t('export.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );

  return { start, busy, modal };
}
