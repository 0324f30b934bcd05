import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TruncatedText } from './TruncatedText';
import { sheetWidth } from './wizard-state';

type SheetPreviewTableProps = { rows: string[][]; headerRow: number };

const SHOWN_ROWS = 8;

/** The sheet's first rows as they are in the file, the header row highlighted. */
export function SheetPreviewTable({ rows, headerRow }: SheetPreviewTableProps) {
  const { t } = useTranslation();
  const width = sheetWidth(rows);
  const shown = rows.slice(0, Math.max(SHOWN_ROWS, headerRow + 3));
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
              >
                <Table.Td c="dimmed" w={40} ta="right">
                  {index + 1}
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
