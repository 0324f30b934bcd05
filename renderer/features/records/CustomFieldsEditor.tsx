import { SimpleGrid } from '@mantine/core';
import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { CustomFieldInput } from './CustomFieldInput';

type CustomFieldsEditorProps = {
  definitions: CustomFieldDefinition[];
  values: CustomFieldValues;
  onChange: (values: CustomFieldValues) => void;
};

/** The admin-defined fields of a record, each with the input its type needs. */
export function CustomFieldsEditor({ definitions, values, onChange }: CustomFieldsEditorProps) {
  if (definitions.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {definitions.map((definition) => (
        <CustomFieldInput
          key={definition.key}
          definition={definition}
          value={values[definition.key] ?? null}
          onChange={(value) => onChange({ ...values, [definition.key]: value })}
        />
      ))}
    </SimpleGrid>
  );
}
