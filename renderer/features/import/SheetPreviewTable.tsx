import { Group, Table, Text } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TruncatedText } from './TruncatedText';
import { sheetWidth } from './wizard-state';

type SheetPreviewTableProps = { rows: string[][]; headerRow: number; hiddenRows: readonly number[] };

const SHOWN_ROWS = 8;

/** The sheet's first rows as they are in the file, the header row highlighted, rows Excel hides dimmed. */
export function SheetPreviewTable({ rows, headerRow, hiddenRows }: SheetPreviewTableProps) {
  const { t } = useTranslation();
  const width = sheetWidth(rows);
  const shown = rows.slice(0, Math.max(SHOWN_ROWS, headerRow + 3));
  const hidden = new Set(hiddenRows);
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('importWizard.sheet.preview')}
      </Text>
      <Table.ScrollContainer minWidth={600} maxHeight={280}>
        <Table withTableBorder withColumnBorders striped={false} fz="xs" data-testid="sheet-preview">
          <Table.Tbody>
            {shown.map((row, index) => (
              <Table.Tr
                key={index}
                data-header={index === headerRow || undefined}
                bg={index === headerRow ? 'var(--mantine-primary-color-light)' : undefined}
                fw={index === headerRow ? 600 : undefined}
                opacity={hidden.has(index) ? 0.55 : undefined}
                data-hidden-row={hidden.has(index) || undefined}
              >
                <Table.Td c="dimmed" w={56} ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {hidden.has(index) && <IconEyeOff size={12} aria-label={t('importWizard.sheet.hiddenRow')} />}
                    {index + 1}
                  </Group>
                </Table.Td>
                {Array.from({ length: width }, (_, column) => (
                  <Table.Td key={column} maw={200}>
                    <TruncatedText size="xs" fw="inherit">
                      {row[column] ?? ''}
                    </TruncatedText>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
