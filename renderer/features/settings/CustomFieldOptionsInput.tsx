import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type CustomFieldOptionsInputProps = {
  value: string[];
  onChange: (value: string[]) => void;
  /** Text typed but not yet turned into an option; the form saves it too. */
  pending: string;
  onPendingChange: (value: string) => void;
  error?: string | undefined;
  /** Shown when editing: options already chosen on records can't be removed. */
  editing?: boolean;
};

/** The options of a list field: typed one by one, reordered by dragging. */
export function CustomFieldOptionsInput({
  value,
  onChange,
  pending,
  onPendingChange,
  error,
  editing = false,
}: CustomFieldOptionsInputProps) {
  const { t } = useTranslation();
  const hint = t('fieldsAdmin.fields.optionsHint');
  return (
    <TagsInput
      label={t('fieldsAdmin.fields.options')}
      name="field-options"
      description={editing ? `${hint} ${t('fieldsAdmin.fields.optionsInUseHint')}` : hint}
      value={value}
      onChange={onChange}
      searchValue={pending}
      onSearchChange={onPendingChange}
      // Accepting on blur adds a pill as focus moves to the submit button; the field grows, the button
      // moves away under the pointer and the click is lost. The form adds the pending text instead.
      acceptValueOnBlur={false}
      error={error}
      withPillsReorder
      clearable
      withAsterisk
      // An option may be up to 100 characters (the contract's limit); longer ones would be rejected later.
      maxLength={100}
    />
  );
}
