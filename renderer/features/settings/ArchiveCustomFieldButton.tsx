import { ActionIcon, Button, Group, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Archiving asks first: the field leaves every form, though its values stay in the database. The
 * saved views using the field are named, since archiving takes it out of them.
 */
export function ArchiveCustomFieldButton({ field }: { field: CustomFieldDefinition }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const archive = useChannelMutation('customFields:archive', ['customFields:list', 'views:list', 'views:counts']);
  const viewsUsing = useChannelQuery('customFields:viewsUsing', { id: field.id }, opened);
  const viewNames = (viewsUsing.data ?? []).map((view) => `«${view.name}»`);
  const name = t('fieldsAdmin.fields.archive', { label: field.label });

  function confirm() {
    archive.mutate(
      { id: field.id },
      {
        onSuccess: () => {
          setOpened(false);
          notifications.show({ message: t('fieldsAdmin.fields.archived', { label: field.label }), color: 'teal' });
        },
      },
    );
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      onClose={() => archive.reset()}
      position="bottom-end"
      width={340}
      shadow="md"
      withArrow
      trapFocus
    >
      <Popover.Target>
        <Tooltip label={name} withArrow openDelay={300} disabled={opened}>
          <ActionIcon variant="subtle" color="red" aria-label={name} onClick={() => setOpened((value) => !value)}>
            <IconArchive size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" data-testid="archive-confirm">
          <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
            {t('fieldsAdmin.fields.archiveQuestion', { label: field.label })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('fieldsAdmin.fields.archiveExplain')}
          </Text>
          {viewNames.length > 0 && (
            <Text size="sm" c="orange.8" data-testid="archive-views" style={{ wordBreak: 'break-word' }}>
              {t('fieldsAdmin.fields.archiveViews', { count: viewNames.length, views: viewNames.join(', ') })}
            </Text>
          )}
          <ErrorAlert error={archive.error} />
          <Group gap="sm" justify="flex-end">
            <Button variant="default" size="xs" onClick={() => setOpened(false)}>
              {t('fieldsAdmin.fields.cancel')}
            </Button>
            <Button color="red" size="xs" loading={archive.isPending} disabled={viewsUsing.isPending} onClick={confirm}>
              {t('fieldsAdmin.fields.archiveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
