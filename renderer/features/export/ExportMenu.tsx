import { Button, Menu, type ButtonProps } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BulkTarget } from '../../../shared/domain/bulk';
import type { ImportEntity } from '../../../shared/domain/import-fields';
import type { ExportRequestInput } from '../../../shared/domain/imports';
import type { SortOrder } from '../../../shared/domain/list-query';
import { call } from '../../api/client';
import { useExportToFile } from './useExportToFile';

export const exportFormats = ['xlsx', 'csv', 'csv1251', 'xlsxEdit'] as const;
export type ExportFormat = (typeof exportFormats)[number];

type ExportMenuProps = {
  entity: ImportEntity;
  /** Picked records or a filter; null: every live record. */
  target: BulkTarget | null;
  /** Export field keys in order; null: every field. */
  columns: string[] | null;
  /** The list's sort: the file lists the records in the order the screen shows them. */
  sort: SortOrder;
  /** File name without extension. */
  suggestedName: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  disabled?: boolean;
};

function requestFormat(format: ExportFormat): Pick<ExportRequestInput, 'format' | 'forEditing'> {
  switch (format) {
    case 'xlsx':
      return { format: { kind: 'xlsx' }, forEditing: false };
    case 'csv':
      return { format: { kind: 'csv', encoding: 'utf-8' }, forEditing: false };
    case 'csv1251':
      return { format: { kind: 'csv', encoding: 'windows-1251' }, forEditing: false };
    case 'xlsxEdit':
      return { format: { kind: 'xlsx' }, forEditing: true };
  }
}

const icons = {
  xlsx: IconFileSpreadsheet,
  csv: IconFileText,
  csv1251: IconFileText,
  xlsxEdit: IconPencil,
} satisfies Record<ExportFormat, unknown>;

/** "Export" with a menu of formats: a list (its filter and columns) or a selection to a file. */
export function ExportMenu({ entity, target, columns, sort, suggestedName, size, variant, disabled }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const exporter = useExportToFile();

  function exportAs(format: ExportFormat) {
    const { format: fileFormat, forEditing } = requestFormat(format);
    exporter.start({
      suggestedName,
      extension: fileFormat.kind,
      run: (path, replace) =>
        call('export:records', {
          entity,
          target,
          columns,
          sort,
          format: fileFormat,
          forEditing,
          path,
          replace,
          language: i18n.language === 'en' ? 'en' : 'ru',
        }),
    });
  }

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={320} disabled={disabled}>
        <Menu.Target>
          <Button
            size={size}
            variant={variant ?? 'default'}
            leftSection={<IconDownload size={16} />}
            loading={exporter.busy}
            disabled={disabled}
          >
            {t('export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('export.menuLabel')}</Menu.Label>
          {exportFormats.map((format) => {
            const Icon = icons[format];
            return (
              <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => exportAs(format)}>
                {t(`export.formats.${format}`)}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      {exporter.modal}
    </>
  );
}
