import { Card, Group, Skeleton, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useChannelQuery } from '../../api/queries';
import { formatNumber } from '../../components/format';
import { ALL_LIVE, WHOLE_TRASH } from '../records/whole-list';

type CountChannel = 'people:count' | 'companies:count';

type RecordCountCardProps = { channel: CountChannel; label: string; icon: Icon; path: string };

/** How many live records of one type the base holds (and how many are in the trash); opens the list. */
export function RecordCountCard({ channel, label, icon: CardIcon, path }: RecordCountCardProps) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const live = useChannelQuery(channel, ALL_LIVE);
  const trash = useChannelQuery(channel, WHOLE_TRASH);
  const trashed = trash.data?.count ?? 0;
  return (
    <UnstyledButton onClick={() => navigate(path)} aria-label={label}>
      <Card withBorder h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            {live.data ? (
              <Text fz={28} fw={700} lh={1.3} data-testid={`${channel}-total`}>
                {formatNumber(live.data.count, i18n.language)}
              </Text>
            ) : (
              <Skeleton h={36} w={120} mt={2} />
            )}
            {trashed > 0 && (
              <Text size="xs" c="dimmed">
                {t('overview.inTrash', { count: trashed })}
              </Text>
            )}
          </div>
          <ThemeIcon variant="light" size={44} radius="md">
            <CardIcon size={24} />
          </ThemeIcon>
        </Group>
      </Card>
    </UnstyledButton>
  );
}
