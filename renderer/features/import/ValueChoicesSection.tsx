import { Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ValueChoice, ValueMapping } from '../../../shared/domain/imports';
import { useChannelQuery } from '../../api/queries';
import { fieldLabel } from './field-options';
import { TruncatedText } from './TruncatedText';

type ValueChoicesSectionProps = {
  choices: ValueChoice[];
  mappings: ValueMapping[];
  onChange: (field: string, key: string, value: string | null) => void;
};

/** Select's stand-in for null: "leave empty". */
const LEAVE_EMPTY = '-';
/** What main reads as "create this owner". */
const CREATE_OWNER = '+new';

/** The file's values of owners, channels and list fields, each mapped to something that exists. */
export function ValueChoicesSection({ choices, mappings, onChange }: ValueChoicesSectionProps) {
  const { t } = useTranslation();
  const people = useChannelQuery('customFields:list', { entity: 'person' }).data ?? [];
  const companies = useChannelQuery('customFields:list', { entity: 'company' }).data ?? [];
  const shown = choices.filter((choice) => choice.values.length > 0);
  if (shown.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="value-choices">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('importWizard.values.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('importWizard.values.hint')}
          </Text>
        </div>
        {shown.map((choice) => {
          const given = mappings.find((mapping) => mapping.field === choice.field)?.values ?? {};
          const data = [
            { value: LEAVE_EMPTY, label: t('importWizard.values.leaveEmpty') },
            ...(choice.field === 'owner' ? [{ value: CREATE_OWNER, label: t('importWizard.values.createOwner') }] : []),
            ...choice.options,
          ];
          return (
            <Stack key={choice.field} gap={4}>
              <Text fw={600}>{fieldLabel(choice.field, t, [...people, ...companies])}</Text>
              <Table layout="fixed" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('importWizard.values.source')}</Table.Th>
                    <Table.Th w={80} ta="right">
                      {t('importWizard.values.count')}
                    </Table.Th>
                    <Table.Th>{t('importWizard.values.target')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {choice.values.map((value) => {
                    const current = value.key in given ? given[value.key] : value.target;
                    return (
                      <Table.Tr key={value.key}>
                        <Table.Td>
                          <TruncatedText size="sm">{value.source}</TruncatedText>
                        </Table.Td>
                        <Table.Td ta="right">{value.count}</Table.Td>
                        <Table.Td>
                          <Select
                            size="xs"
                            aria-label={value.source}
                            data={data}
                            value={current ?? LEAVE_EMPTY}
                            allowDeselect={false}
                            searchable
                            onChange={(next) =>
                              next && onChange(choice.field, value.key, next === LEAVE_EMPTY ? null : next)
                            }
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
