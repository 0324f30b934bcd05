import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type ColumnsMenuProps = {
  /** Every column the list can show, in default order. */
  available: Array<{ id: string; label: string }>;
  /** The shown columns, in display order. */
  shown: string[];
  onChange: (shown: string[]) => void;
};

/** Choose which columns a list shows and in what order (saved with a view). */
export function ColumnsMenu({ available, shown, onChange }: ColumnsMenuProps) {
  const { t } = useTranslation();
  const labelOf = (id: string) => available.find((column) => column.id === id)?.label ?? id;
  const hidden = available.filter((column) => !shown.includes(column.id));
  const move = (index: number, by: number) => {
    const next = [...shown];
    const [column] = next.splice(index, 1);
    next.splice(index + by, 0, column!);
    onChange(next);
  };
  return (
    <Popover position="bottom-end" width={300} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('records.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} data-testid="columns-menu">
          <Text size="xs" c="dimmed">
            {t('records.columns.hint')}
          </Text>
          {shown.map((id, index) => (
            <Group key={id} justify="space-between" wrap="nowrap">
              <Checkbox
                label={labelOf(id)}
                checked
                disabled={shown.length === 1}
                onChange={() => onChange(shown.filter((column) => column !== id))}
              />
              <Group gap={2} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={t('records.columns.up', { name: labelOf(id) })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <IconArrowUp size={14} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={t('records.columns.down', { name: labelOf(id) })}
                  disabled={index === shown.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Group>
            </Group>
          ))}
          {hidden.map((column) => (
            <Checkbox
              key={column.id}
              label={column.label}
              checked={false}
              onChange={() => onChange([...shown, column.id])}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
