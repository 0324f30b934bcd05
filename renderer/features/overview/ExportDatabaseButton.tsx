import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { suggestedFileName } from '../export/export-columns';
import { useExportToFile } from '../export/useExportToFile';

/** Every person and company in one workbook, one sheet each, ready to be imported back. */
export function ExportDatabaseButton({ databaseName }: { databaseName: string }) {
  const { t, i18n } = useTranslation();
  const exporter = useExportToFile();
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconFileSpreadsheet size={18} />}
        loading={exporter.busy}
        onClick={() =>
          exporter.start({
            suggestedName: suggestedFileName(databaseName),
            extension: 'xlsx',
            run: (path, replace) =>
              call('export:database', { path, replace, language: i18n.language === 'en' ? 'en' : 'ru' }),
          })
        }
      >
        {t('export.database.button')}
      </Button>
      {exporter.modal}
    </>
  );
}
