import { Badge, Checkbox, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addressLabels, type AddressLabel } from '../../../shared/domain/contact-points';
import { addressPartGroup, isContactTarget } from '../../../shared/domain/import-fields';
import type { ColumnMapping, DateOrder, SheetPreview } from '../../../shared/domain/imports';
import { NEW_FIELD_VALUE, type FieldOptionGroup } from './field-options';
import { TruncatedText } from './TruncatedText';

type ColumnMappingRowProps = {
  header: string;
  samples: string[];
  column: ColumnMapping;
  suggestion: SheetPreview['columns'][number] | undefined;
  options: FieldOptionGroup[];
  /** The targets that hold numbers (custom number fields). */
  numberTargets: ReadonlySet<string>;
  /** The header of the column that says which kind each row's phone or e-mail is, if any. */
  labelHeader: string | null;
  /** On the first column of an address whose kind no column gives: that kind, to choose. */
  addressKind: { value: AddressLabel; onChange: (label: AddressLabel) => void } | null;
  onChange: (patch: Partial<Omit<ColumnMapping, 'index'>>) => void;
};

const newFieldTypes = ['text', 'number', 'date', 'checkbox'] as const;
type NewFieldType = (typeof newFieldTypes)[number];
const confidenceColors = { header: 'teal', values: 'blue', template: 'grape', none: 'gray' } as const;

/**
 * One column: its header and samples, the fields it feeds, a new field's name and type, its date
 * order and decimal separator, where each row's kind of phone or e-mail comes from, an address's kind.
 */
export function ColumnMappingRow({
  header,
  samples,
  column,
  suggestion,
  options,
  numberTargets,
  labelHeader,
  addressKind,
  onChange,
}: ColumnMappingRowProps) {
  const { t } = useTranslation();
  const name = header.trim() || t('importWizard.mapping.noHeader', { number: column.index + 1 });
  const value = column.newField ? [...column.targets, NEW_FIELD_VALUE] : column.targets;
  const mapped = value.length > 0;
  const confidence = suggestion && mapped ? suggestion.confidence : 'none';
  const numeric = column.targets.some((target) => numberTargets.has(target)) || column.newField?.type === 'number';
  // Shown when the values have a separator at all: "1,500" alone may be 1.5 or 1500, the user knows.
  const decimalSeparator = numeric ? (column.decimalSeparator ?? suggestion?.decimalSeparator ?? null) : null;
  const labelColumn = suggestion?.headerLabelColumn ?? null;
  const contact = column.targets.some(isContactTarget);

  function changeTargets(next: string[]) {
    const wantsNewField = next.includes(NEW_FIELD_VALUE);
    const targets = next.filter((target) => target !== NEW_FIELD_VALUE);
    // The kind belongs to the address the column fed: moved to another, it takes that one's.
    const sameAddress = addressPartGroup(targets) === addressPartGroup(column.targets);
    onChange({
      targets,
      newField: wantsNewField ? (column.newField ?? { label: name.slice(0, 100), type: 'text' }) : null,
      ...(sameAddress ? {} : { addressLabel: null }),
    });
  }

  return (
    <Table.Tr data-testid="mapping-row" data-header={header} style={{ opacity: mapped ? 1 : 0.75 }}>
      <Table.Td>
        <TruncatedText fw={500} size="sm" c={header.trim() ? undefined : 'dimmed'}>
          {name}
        </TruncatedText>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {samples.map((sample, index) => (
            <TruncatedText key={index} size="xs" c="dimmed">
              {sample}
            </TruncatedText>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          <MultiSelect
            aria-label={t('importWizard.mapping.target')}
            data={options}
            value={value}
            onChange={changeTargets}
            placeholder={mapped ? undefined : t('importWizard.mapping.targetPlaceholder')}
            searchable
            clearable
            size="xs"
            maxValues={8}
            comboboxProps={{ withinPortal: true }}
          />
          {column.newField && (
            <Group gap="xs" wrap="nowrap" grow>
              <TextInput
                size="xs"
                aria-label={t('importWizard.mapping.newFieldLabel')}
                placeholder={t('importWizard.mapping.newFieldLabel')}
                value={column.newField.label}
                maxLength={100}
                onChange={(event) => onChange({ newField: { ...column.newField!, label: event.currentTarget.value } })}
              />
              <Select
                size="xs"
                aria-label={t('importWizard.mapping.newFieldType')}
                data={newFieldTypes.map((type) => ({ value: type, label: t(`importWizard.mapping.types.${type}`) }))}
                value={column.newField.type}
                allowDeselect={false}
                onChange={(type) => type && onChange({ newField: { ...column.newField!, type: type as NewFieldType } })}
              />
            </Group>
          )}
          {/* Text dates with slashes or dots: which number is the day is the user's to confirm. */}
          {(suggestion?.ambiguousDates || suggestion?.dateOrder === 'mdy' || suggestion?.dateOrder === 'dmy') && (
            <Select
              size="xs"
              label={t('importWizard.mapping.dateOrder')}
              data={(['dmy', 'mdy', 'ymd'] as const).map((order) => ({
                value: order,
                label: t(`importWizard.mapping.dateOrders.${order}`),
              }))}
              value={column.dateOrder ?? 'dmy'}
              allowDeselect={false}
              onChange={(order) => order && onChange({ dateOrder: order as DateOrder })}
            />
          )}
          {contact && labelColumn !== null && (
            <Checkbox
              size="xs"
              label={t('importWizard.mapping.kindFromColumn', { column: labelHeader ?? labelColumn + 1 })}
              checked={column.labelColumn !== null}
              onChange={(event) => onChange({ labelColumn: event.currentTarget.checked ? labelColumn : null })}
            />
          )}
          {addressKind && (
            <Select
              size="xs"
              label={t('importWizard.mapping.addressKind')}
              data={addressLabels.map((label) => ({ value: label, label: t(`records.addressLabels.${label}`) }))}
              value={addressKind.value}
              allowDeselect={false}
              onChange={(label) => label && addressKind.onChange(label as AddressLabel)}
            />
          )}
          {decimalSeparator !== null && (
            <Select
              size="xs"
              label={t('importWizard.mapping.decimalSeparator')}
              data={([',', '.'] as const).map((separator) => ({
                value: separator,
                label: t(`importWizard.mapping.decimalSeparators.${separator === ',' ? 'comma' : 'point'}`),
              }))}
              value={decimalSeparator}
              allowDeselect={false}
              onChange={(separator) =>
                separator && onChange({ decimalSeparator: separator as ColumnMapping['decimalSeparator'] })
              }
            />
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {confidence === 'none' ? (
          <Text c="dimmed" size="sm">
            {t('importWizard.mapping.confidences.none')}
          </Text>
        ) : (
          <Badge variant="light" color={confidenceColors[confidence]} size="sm" tt="none">
            {t(`importWizard.mapping.confidences.${confidence}`)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
