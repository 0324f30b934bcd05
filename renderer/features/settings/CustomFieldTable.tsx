import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { ArchiveCustomFieldButton } from './ArchiveCustomFieldButton';
import { EditCustomFieldButton } from './EditCustomFieldButton';
import { hasOptions } from './custom-field-types';

/** The live fields of one entity, in the order forms show them. */
export function CustomFieldTable({ fields }: { fields: CustomFieldDefinition[] }) {
  const { t } = useTranslation();
  return (
    <Table layout="fixed" verticalSpacing="sm" data-testid="custom-fields-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="32%">{t('fieldsAdmin.fields.columns.label')}</Table.Th>
          <Table.Th w="22%">{t('fieldsAdmin.fields.columns.type')}</Table.Th>
          <Table.Th>{t('fieldsAdmin.fields.columns.options')}</Table.Th>
          <Table.Th w={88}>
            <VisuallyHidden>{t('fieldsAdmin.fields.columns.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((field) => (
          <Table.Tr key={field.id} data-testid="custom-field-row">
            <Table.Td style={{ wordBreak: 'break-word' }} fw={500}>
              {field.label}
            </Table.Td>
            <Table.Td>{t(`fieldsAdmin.fields.types.${field.type}`)}</Table.Td>
            <Table.Td>
              {hasOptions(field.type) ? (
                <Group gap={4}>
                  {field.options.map((option) => (
                    <Badge key={option} variant="light" color="gray" tt="none" fw={500} maw="100%" title={option}>
                      {option}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text c="dimmed" aria-hidden>
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <EditCustomFieldButton field={field} />
                <ArchiveCustomFieldButton field={field} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
