import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { ApiError } from '../../api/api-error';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CustomFieldOptionsInput } from './CustomFieldOptionsInput';
import { cleanOptions, hasOptions } from './custom-field-types';

/** Main answers InvalidInput on "options" when a removed option is still chosen on some record. */
const isOptionsInUse = (error: unknown) =>
  error instanceof ApiError && error.code === 'InvalidInput' && error.details?.['field'] === 'options';

type CustomFieldEditFormProps = {
  field: CustomFieldDefinition;
  onDone: () => void;
};

/** Renames a field and edits its options; the type stays (stored values depend on it). */
export function CustomFieldEditForm({ field, onDone }: CustomFieldEditFormProps) {
  const { t } = useTranslation();
  const update = useChannelMutation('customFields:update', ['customFields:list']);
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options);
  const [pendingOption, setPendingOption] = useState('');
  const allOptions = cleanOptions([...options, pendingOption]);
  const [submitted, setSubmitted] = useState(false);
  const withOptions = hasOptions(field.type);
  const labelMissing = label.trim() === '';
  const optionsMissing = withOptions && allOptions.length === 0;
  const optionsInUse = isOptionsInUse(update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (labelMissing || optionsMissing) return;
    update.mutate(
      { id: field.id, label: label.trim(), options: withOptions ? allOptions : [] },
      {
        onSuccess: (saved) => {
          notifications.show({ message: t('fieldsAdmin.fields.saved', { label: saved.label }), color: 'teal' });
          onDone();
        },
      },
    );
  }

  const optionsError = optionsMissing
    ? submitted
      ? t('fieldsAdmin.fields.optionsRequired')
      : undefined
    : optionsInUse
      ? t('fieldsAdmin.fields.optionsInUse')
      : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('fieldsAdmin.fields.label')}
          name="field-label"
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          maxLength={100}
          withAsterisk
          data-autofocus
          error={submitted && labelMissing ? t('fieldsAdmin.fields.required') : undefined}
        />
        <Text size="sm" c="dimmed">
          {t('fieldsAdmin.fields.typeFixed', { type: t(`fieldsAdmin.fields.types.${field.type}`) })}
        </Text>
        {withOptions && (
          <CustomFieldOptionsInput
            value={options}
            onChange={setOptions}
            pending={pendingOption}
            onPendingChange={setPendingOption}
            error={optionsError}
            editing
          />
        )}
        {/* The options-in-use case is explained next to the options instead. */}
        <ErrorAlert error={optionsInUse ? null : update.error} />
        <Group gap="sm" justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('fieldsAdmin.fields.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('fieldsAdmin.fields.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
