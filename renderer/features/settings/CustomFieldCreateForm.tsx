import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldTypes, type CustomFieldEntity, type CustomFieldType } from '../../../shared/domain/custom-fields';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CustomFieldOptionsInput } from './CustomFieldOptionsInput';
import { cleanOptions, hasOptions } from './custom-field-types';

type CustomFieldCreateFormProps = {
  entity: CustomFieldEntity;
  onDone: () => void;
};

export function CustomFieldCreateForm({ entity, onDone }: CustomFieldCreateFormProps) {
  const { t } = useTranslation();
  const create = useChannelMutation('customFields:create', ['customFields:list']);
  const [label, setLabel] = useState('');
  const [type, setType] = useState<CustomFieldType>('text');
  const [options, setOptions] = useState<string[]>([]);
  const [pendingOption, setPendingOption] = useState('');
  const allOptions = cleanOptions([...options, pendingOption]);
  const [submitted, setSubmitted] = useState(false);
  const labelMissing = label.trim() === '';
  const optionsMissing = hasOptions(type) && allOptions.length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (labelMissing || optionsMissing) return;
    create.mutate(
      // Options typed before switching to a non-list type are dropped, not stored unseen.
      { entity, label: label.trim(), type, options: hasOptions(type) ? allOptions : [] },
      {
        onSuccess: (field) => {
          notifications.show({ message: t('fieldsAdmin.fields.created', { label: field.label }), color: 'teal' });
          onDone();
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="custom-field-create">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={5}>{t('fieldsAdmin.fields.newTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('fieldsAdmin.fields.label')}
              name="field-label"
              placeholder={t('fieldsAdmin.fields.labelPlaceholder')}
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
              maxLength={100}
              withAsterisk
              data-autofocus
              error={submitted && labelMissing ? t('fieldsAdmin.fields.required') : undefined}
            />
            <Select
              label={t('fieldsAdmin.fields.type')}
              name="field-type"
              description={t('fieldsAdmin.fields.typeHint')}
              // Below the input, so both inputs of the row line up.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={customFieldTypes.map((value) => ({ value, label: t(`fieldsAdmin.fields.types.${value}`) }))}
              value={type}
              onChange={(value) => value !== null && setType(value as CustomFieldType)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {hasOptions(type) && (
            <CustomFieldOptionsInput
              value={options}
              onChange={setOptions}
              pending={pendingOption}
              onPendingChange={setPendingOption}
              error={submitted && optionsMissing ? t('fieldsAdmin.fields.optionsRequired') : undefined}
            />
          )}
          <ErrorAlert error={create.error} />
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('fieldsAdmin.fields.create')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('fieldsAdmin.fields.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
