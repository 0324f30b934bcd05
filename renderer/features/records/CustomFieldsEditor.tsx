import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';

type CustomFieldsEditorProps = {
  definitions: CustomFieldDefinition[];
  values: CustomFieldValues;
  onChange: (values: CustomFieldValues) => void;
};

/** The admin-defined fields of a record, each with the input its type needs. */
export function CustomFieldsEditor({ definitions, values, onChange }: CustomFieldsEditorProps) {
  if (definitions.length === 0) return null;
  const set = (key: string, value: CustomFieldValues[string]) => onChange({ ...values, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {definitions.map((field) => {
        const value = values[field.key] ?? null;
        const common = { label: field.label, name: `custom-${field.key}` };
        switch (field.type) {
          case 'number':
            return (
              <NumberInput
                key={field.key}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(n) => set(field.key, typeof n === 'number' ? n : null)}
              />
            );
          case 'date':
            return (
              <TextInput
                key={field.key}
                {...common}
                type="date"
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(field.key, event.currentTarget.value || null)}
              />
            );
          case 'checkbox':
            return (
              <Checkbox
                key={field.key}
                {...common}
                mt="lg"
                checked={value === true}
                onChange={(event) => set(field.key, event.currentTarget.checked)}
              />
            );
          case 'select':
            return (
              <Select
                key={field.key}
                {...common}
                data={field.options}
                value={typeof value === 'string' ? value : null}
                onChange={(selected) => set(field.key, selected)}
                clearable
              />
            );
          case 'multiselect':
            return (
              <MultiSelect
                key={field.key}
                {...common}
                data={field.options}
                value={Array.isArray(value) ? value : []}
                onChange={(selected) => set(field.key, selected)}
              />
            );
          default:
            return (
              <TextInput
                key={field.key}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(field.key, event.currentTarget.value || null)}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}
