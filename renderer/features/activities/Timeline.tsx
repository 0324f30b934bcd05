import { Button, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActivityComposer } from './ActivityComposer';
import { ActivityItem } from './ActivityItem';

export type TimelineSubject = { personId: number } | { companyId: number };

const PAGE = 50;

/**
 * Calls, meetings, e-mails and notes, newest first, with a composer on top; pages load on demand.
 * Read-only for a record in the trash or merged away: its history is shown, not added to.
 */
export function Timeline({ subject, readOnly = false }: { subject: TimelineSubject; readOnly?: boolean }) {
  const { t } = useTranslation();
  const timeline = useInfiniteQuery({
    queryKey: ['activities:timeline', subject],
    queryFn: ({ pageParam }) => call('activities:timeline', { ...subject, limit: PAGE, cursor: pageParam }),
    initialPageParam: null as { occurredAt: string; id: number } | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const activities = timeline.data?.pages.flatMap((page) => page.activities) ?? [];
  // A company's timeline names the person each of its people's activities was logged on.
  const people = new Map(timeline.data?.pages.flatMap((page) => page.people.map((person) => [person.id, person])));

  return (
    <Card withBorder>
      <Stack gap="md">
        <Title order={4}>{t('activities.title')}</Title>
        {!readOnly && <ActivityComposer subject={subject} />}
        {timeline.isPending && (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        )}
        <ErrorAlert error={timeline.error} />
        {timeline.isSuccess && activities.length === 0 && (
          <Text c="dimmed" ta="center" py="md">
            {t('activities.empty')}
          </Text>
        )}
        <Stack gap="xs" data-testid="timeline">
          {activities.map((activity) => (
            <ActivityItem
              key={activity.id}
              activity={activity}
              person={activity.personId === null ? undefined : people.get(activity.personId)}
              readOnly={readOnly}
            />
          ))}
        </Stack>
        {timeline.hasNextPage && (
          <Button variant="subtle" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {t('activities.more')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
