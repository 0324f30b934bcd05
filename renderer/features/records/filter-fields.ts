import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import type { FilterOperator } from '../../../shared/domain/list-query';

/** How the filter builder asks for a value. */
export type ValueKind = 'text' | 'owner' | 'company' | 'tags' | 'date' | 'number' | 'options' | 'boolean' | 'none';

export type FilterField = {
  id: string;
  /** i18n key, or the label itself for custom fields. */
  label: string;
  translated: boolean;
  operators: FilterOperator[];
  valueKind: ValueKind;
  options?: string[];
};

const emptiness: FilterOperator[] = ['isEmpty', 'isNotEmpty'];
const textOperators: FilterOperator[] = ['contains', 'is', 'isNot', ...emptiness];

const builtIn = (id: string, operators: FilterOperator[], valueKind: ValueKind): FilterField => ({
  id,
  label: `records.fields.${id}`,
  translated: true,
  operators,
  valueKind,
});

/** The operators that need no value. */
export const valuelessOperators = new Set<FilterOperator>(['isEmpty', 'isNotEmpty']);

export function customFilterFields(definitions: CustomFieldDefinition[]): FilterField[] {
  return definitions.map((definition) => {
    const base = { id: `custom.${definition.key}`, label: definition.label, translated: false };
    switch (definition.type) {
      case 'number':
        return { ...base, operators: ['is', 'greaterThan', 'lessThan', ...emptiness], valueKind: 'number' };
      case 'date':
        return { ...base, operators: ['before', 'after', ...emptiness], valueKind: 'date' };
      case 'checkbox':
        return { ...base, operators: ['is'], valueKind: 'boolean' };
      case 'select':
        return { ...base, operators: ['is', 'isNot', ...emptiness], valueKind: 'options', options: definition.options };
      case 'multiselect':
        return {
          ...base,
          operators: ['hasAny', 'hasNone', ...emptiness],
          valueKind: 'options',
          options: definition.options,
        };
      default:
        return { ...base, operators: textOperators, valueKind: 'text' };
    }
  });
}

export const peopleFilterFields: FilterField[] = [
  builtIn('name', ['contains', 'startsWith'], 'text'),
  builtIn('company', ['is', 'isNot', ...emptiness], 'company'),
  builtIn('position', textOperators, 'text'),
  builtIn('city', textOperators, 'text'),
  builtIn('source', textOperators, 'text'),
  builtIn('owner', ['is', 'isNot', ...emptiness], 'owner'),
  builtIn('tags', ['hasAny', 'hasNone', ...emptiness], 'tags'),
  builtIn('phone', ['contains', ...emptiness], 'text'),
  builtIn('email', ['contains', ...emptiness], 'text'),
  builtIn('birthday', ['before', 'after', ...emptiness], 'date'),
  builtIn('createdAt', ['before', 'after'], 'date'),
  builtIn('updatedAt', ['before', 'after'], 'date'),
];

export const companyFilterFields: FilterField[] = [
  builtIn('name', ['contains', 'startsWith'], 'text'),
  builtIn('industry', textOperators, 'text'),
  builtIn('city', textOperators, 'text'),
  builtIn('source', textOperators, 'text'),
  builtIn('owner', ['is', 'isNot', ...emptiness], 'owner'),
  builtIn('tags', ['hasAny', 'hasNone', ...emptiness], 'tags'),
  builtIn('phone', ['contains', ...emptiness], 'text'),
  builtIn('email', ['contains', ...emptiness], 'text'),
  builtIn('createdAt', ['before', 'after'], 'date'),
  builtIn('updatedAt', ['before', 'after'], 'date'),
];
