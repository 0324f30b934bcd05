import { z } from 'zod';
import { IsoDate, RecordId } from './common';

export const customFieldTypes = ['text', 'number', 'date', 'select', 'multiselect', 'checkbox'] as const;
export const CustomFieldType = z.enum(customFieldTypes);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

export const customFieldEntities = ['person', 'company'] as const;
export const CustomFieldEntity = z.enum(customFieldEntities);
export type CustomFieldEntity = z.infer<typeof CustomFieldEntity>;

export const CustomFieldDefinition = z.object({
  id: RecordId,
  entity: CustomFieldEntity,
  /** Stable machine key (used in filters, import mappings and exports). */
  key: z.string(),
  label: z.string(),
  type: CustomFieldType,
  options: z.array(z.string()),
  position: z.number().int(),
});
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

/** A list field's options: how many, and how long each (a cell of a drop-down list in a workbook). */
export const MAX_FIELD_OPTIONS = 200;
export const MAX_OPTION_LENGTH = 100;

export const CustomFieldDefinitionInput = z.object({
  entity: CustomFieldEntity,
  label: z.string().trim().min(1).max(100),
  type: CustomFieldType,
  options: z.array(z.string().trim().min(1).max(MAX_OPTION_LENGTH)).max(MAX_FIELD_OPTIONS).default([]),
});
export type CustomFieldDefinitionInput = z.input<typeof CustomFieldDefinitionInput>;

/** A value by field key; its shape must match the field's type (checked by the service). */
export const CustomFieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), IsoDate, z.null()]);
export type CustomFieldValue = z.infer<typeof CustomFieldValue>;
export const CustomFieldValues = z.record(z.string(), CustomFieldValue);
export type CustomFieldValues = z.infer<typeof CustomFieldValues>;
