import { Button, Group, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../shared/domain/imports';
import type { ImportEntity } from '../../../shared/domain/import-fields';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

type SaveTemplateButtonProps = {
  entity: ImportEntity;
  headers: string[];
  columns: ColumnMapping[];
  defaultName: string;
};

/** Saves the sheet's mapping under a name: files with the same headers get it next time. */
export function SaveTemplateButton({ entity, headers, columns, defaultName }: SaveTemplateButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(defaultName);
  const save = useChannelMutation('import:saveTemplate');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    save.mutate(
      { name: name.trim(), entity, headers, columns },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('importWizard.template.saved', { name: name.trim() }) });
          setOpened(false);
        },
      },
    );
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} trapFocus withArrow>
      <Popover.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDeviceFloppy size={14} />}
          onClick={() => setOpened((value) => !value)}
        >
          {t('importWizard.template.save')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <TextInput
              label={t('importWizard.template.name')}
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={save.isPending} disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
