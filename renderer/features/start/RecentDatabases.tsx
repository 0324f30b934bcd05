import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconDatabase, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { useChannelMutation } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import classes from './RecentDatabases.module.css';

type RecentDatabasesProps = {
  entries: Settings['recentDatabases'];
  selectedPath: string | null;
  onSelect: (path: string) => void;
};

/** Databases opened on this computer, most recent first. */
export function RecentDatabases({ entries, selectedPath, onSelect }: RecentDatabasesProps) {
  const { t, i18n } = useTranslation();
  const forget = useChannelMutation('settings:forgetRecent', ['settings:get']);

  if (entries.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md" className={classes.empty}>
        <Stack align="center" gap="xs">
          <IconDatabase size={32} stroke={1.4} opacity={0.5} />
          <Text c="dimmed" ta="center" size="sm">
            {t('start.recent.empty')}
          </Text>
        </Stack>
      </Paper>
    );
  }

  return (
    <Stack gap="xs" data-testid="recent-databases">
      {entries.map((entry) => (
        <Paper
          key={entry.path}
          withBorder
          radius="md"
          className={classes.item}
          data-selected={entry.path === selectedPath || undefined}
        >
          <Group wrap="nowrap" gap="xs" p="xs">
            <UnstyledButton className={classes.select} onClick={() => onSelect(entry.path)}>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} truncate="end" title={entry.name}>
                  {entry.name}
                </Text>
                {entry.remembered && (
                  <Badge size="xs" variant="light" color="teal">
                    {t('start.recent.remembered')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" truncate="end" title={entry.path}>
                {entry.path}
              </Text>
              <Text size="xs" c="dimmed">
                {t('start.recent.opened', { date: formatDateTime(entry.openedAt, i18n.language) })}
              </Text>
            </UnstyledButton>
            <Tooltip label={t('start.recent.remove', { name: entry.name })}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('start.recent.remove', { name: entry.name })}
                onClick={() => forget.mutate({ path: entry.path })}
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
