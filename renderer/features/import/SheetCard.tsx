import { Badge, Checkbox, Group, Loader, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconEyeOff, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SheetPreview, SheetSetup } from '../../../shared/domain/imports';
import type { ImportEntity } from '../../../shared/domain/import-fields';
import { sheetHeaders } from '../../../shared/domain/sheet-headers';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ColumnMappingTable } from './ColumnMappingTable';
import { SaveTemplateButton } from './SaveTemplateButton';
import { SheetPreviewTable } from './SheetPreviewTable';
import type { WizardAction } from './wizard-state';

type SheetCardProps = {
  sessionId: string;
  preview: SheetPreview;
  sheet: SheetSetup;
  /** An .xlsx file: its rows may be hidden (CSV and vCard have no such thing). */
  fromExcel: boolean;
  dispatch: (action: WizardAction) => void;
};

const NONE = 'none';

/** One sheet of the file: what it holds, where its header is, and its columns. */
export function SheetCard({ sessionId, preview, sheet, fromExcel, dispatch }: SheetCardProps) {
  const { t } = useTranslation();
  const suggest = useChannelMutation('import:suggest');
  const change = (patch: Partial<Pick<SheetSetup, 'entity' | 'headerRow' | 'skipHiddenRows'>>) =>
    dispatch({ type: 'sheet', sheet: sheet.sheet, patch });

  function suggestColumns(headerRow: number, entity: ImportEntity, entityChosen: boolean) {
    suggest.mutate(
      { sessionId, sheet: sheet.sheet, headerRow, entity, entityChosen },
      { onSuccess: (result) => dispatch({ type: 'suggested', sheet: sheet.sheet, result }) },
    );
  }

  /** Another header row means other column names: the mapping is suggested again from them. */
  function changeHeaderRow(headerRow: number) {
    if (headerRow === sheet.headerRow) return;
    change({ headerRow });
    suggestColumns(headerRow, sheet.entity ?? 'person', false);
  }

  /** Another record type has other fields: the columns are mapped again to its own. */
  function changeEntity(entity: ImportEntity | null) {
    if (entity === sheet.entity) return;
    change({ entity });
    if (entity !== null) suggestColumns(sheet.headerRow, entity, true);
  }
  const headers = sheetHeaders(preview.rows, sheet.headerRow);
  const hiddenBelowHeader = preview.hiddenRows.filter((row) => row > sheet.headerRow).length;
  return (
    <Paper withBorder p="md" radius="md" data-testid="import-sheet">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={4} lineClamp={1} title={preview.name}>
              {preview.name}
            </Title>
            {preview.hidden && (
              <Badge
                variant="light"
                color="gray"
                leftSection={<IconEyeOff size={12} />}
                title={t('importWizard.sheet.hiddenHint')}
                data-testid="sheet-hidden"
              >
                {t('importWizard.sheet.hidden')}
              </Badge>
            )}
            {preview.template && (
              <Badge
                variant="light"
                color="grape"
                leftSection={<IconTemplate size={12} />}
                // A template's name is the user's own text: shown as typed, cut with an ellipsis when long.
                tt="none"
                maw="100%"
                title={preview.template.name}
                data-testid="template-applied"
              >
                {t('importWizard.sheet.templateApplied', { name: preview.template.name })}
              </Badge>
            )}
          </Stack>
          {sheet.entity && (
            <SaveTemplateButton
              entity={sheet.entity}
              headers={headers}
              columns={sheet.columns}
              defaultName={preview.name}
            />
          )}
        </Group>
        <Group gap="md" align="flex-start">
          <Select
            label={t('importWizard.sheet.entity')}
            name="sheet-entity"
            data={(['person', 'company', NONE] as const).map((value) => ({
              value,
              label: t(`importWizard.sheet.entities.${value}`),
            }))}
            value={sheet.entity ?? NONE}
            allowDeselect={false}
            onChange={(value) => changeEntity(value === NONE || !value ? null : (value as ImportEntity))}
            w={220}
          />
          <NumberInput
            label={t('importWizard.sheet.headerRow')}
            description={t('importWizard.sheet.headerRowHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            name="sheet-header-row"
            min={1}
            max={Math.max(1, preview.rows.length)}
            value={sheet.headerRow + 1}
            onChange={(value) =>
              typeof value === 'number' &&
              value >= 1 &&
              value <= Math.max(1, preview.rows.length) &&
              changeHeaderRow(value - 1)
            }
            rightSection={
              suggest.isPending ? <Loader size={14} aria-label={t('importWizard.sheet.suggesting')} /> : null
            }
            w={220}
            allowDecimal={false}
          />
        </Group>
        <ErrorAlert error={suggest.error} />
        {preview.rows.length === 0 ? (
          <Text c="dimmed">{t('importWizard.sheet.empty')}</Text>
        ) : (
          <SheetPreviewTable rows={preview.rows} headerRow={sheet.headerRow} hiddenRows={preview.hiddenRows} />
        )}
        {/*
          Rows a filter or the user hid in Excel: often ones the user meant to leave behind. Offered for
          every workbook sheet: hidden rows may lie past the first rows the preview reads.
        */}
        {sheet.entity !== null && fromExcel && (
          <Checkbox
            label={t('importWizard.sheet.skipHiddenRows')}
            description={
              hiddenBelowHeader > 0
                ? t('importWizard.sheet.skipHiddenRowsHint', { number: hiddenBelowHeader })
                : t('importWizard.sheet.skipHiddenRowsNoneSeen')
            }
            checked={sheet.skipHiddenRows}
            onChange={(event) => change({ skipHiddenRows: event.currentTarget.checked })}
          />
        )}
        {sheet.entity === null ? (
          <Text c="dimmed">{t('importWizard.sheet.notImported')}</Text>
        ) : (
          preview.rows.length > 0 && (
            <ColumnMappingTable preview={preview} sheet={sheet} entity={sheet.entity} dispatch={dispatch} />
          )
        )}
      </Stack>
    </Paper>
  );
}
