import { ActionIcon, Modal, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { CustomFieldEditForm } from './CustomFieldEditForm';

/** A pencil that opens the field in a modal; the form mounts afresh each time, from the saved field. */
export function EditCustomFieldButton({ field }: { field: CustomFieldDefinition }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const name = t('fieldsAdmin.fields.edit', { label: field.label });
  return (
    <>
      <Tooltip label={name} withArrow openDelay={300}>
        <ActionIcon variant="subtle" color="gray" aria-label={name} onClick={() => setOpened(true)}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('fieldsAdmin.fields.editTitle')} size="lg">
        <CustomFieldEditForm field={field} onDone={() => setOpened(false)} />
      </Modal>
    </>
  );
}
