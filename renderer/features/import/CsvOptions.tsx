import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CsvDelimiter, CsvEncoding, type ImportFile } from '../../../shared/domain/imports';

type Encoding = (typeof CsvEncoding.options)[number];
type Delimiter = (typeof CsvDelimiter.options)[number];
type Overrides = { encoding: Encoding; delimiter: Delimiter };
type CsvOptionsProps = {
  csv: NonNullable<ImportFile['csv']>;
  loading: boolean;
  onChange: (overrides: Overrides) => void;
};

const delimiterNames: Record<Delimiter, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' };

/** The detected encoding and delimiter of a CSV file; changing either reopens the file. */
export function CsvOptions({ csv, loading, onChange }: CsvOptionsProps) {
  const { t } = useTranslation();
  const encoding = CsvEncoding.parse(csv.encoding);
  const delimiter = CsvDelimiter.safeParse(csv.delimiter).data ?? ';';
  return (
    <>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('importWizard.file.encoding')}
          data={CsvEncoding.options}
          value={encoding}
          allowDeselect={false}
          disabled={loading}
          onChange={(value) => value && onChange({ encoding: CsvEncoding.parse(value), delimiter })}
          w={180}
        />
        <Select
          label={t('importWizard.file.delimiter')}
          data={CsvDelimiter.options.map((value) => ({
            value,
            label: t(`importWizard.file.delimiters.${delimiterNames[value]}`),
          }))}
          value={delimiter}
          allowDeselect={false}
          disabled={loading}
          onChange={(value) => value && onChange({ encoding, delimiter: CsvDelimiter.parse(value) })}
          w={220}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('importWizard.file.csvHint')}
      </Text>
    </>
  );
}
