import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconMail, IconNote, IconPencil, IconPhone, IconTrash } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/domain/activities';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { ActivityEditor } from './ActivityEditor';
import { draftFrom, draftToInput, type ActivityDraft } from './activity-form';

const icons = { call: IconPhone, meeting: IconCalendarEvent, email: IconMail, note: IconNote };

type ActivityItemProps = {
  activity: Activity;
  /** Who it was logged on, shown in a company's timeline (a link to their page). */
  person?: { id: number; name: string } | undefined;
  readOnly?: boolean;
};

/**
 * One entry of a timeline, edited in place; `readOnly` (a record in the trash or merged away)
 * leaves out editing and deleting.
 */
export function ActivityItem({ activity, person, readOnly = false }: ActivityItemProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const update = useChannelMutation('activities:update', ['activities:timeline']);
  const remove = useChannelMutation('activities:delete', ['activities:timeline']);
  const Icon = icons[activity.kind];

  if (draft) {
    return (
      <Paper withBorder p="sm" radius="md">
        <ActivityEditor
          draft={draft}
          onChange={setDraft}
          busy={update.isPending}
          submitLabel={t('activities.save')}
          onCancel={() => setDraft(null)}
          onSubmit={() =>
            update.mutate(
              {
                id: activity.id,
                version: activity.version,
                values: { ...draftToInput(draft), personId: activity.personId, companyId: activity.companyId },
              },
              { onSuccess: () => setDraft(null) },
            )
          }
        />
        <ErrorAlert error={update.error} />
      </Paper>
    );
  }

  const meta = [
    formatDateTime(activity.occurredAt, i18n.language),
    activity.durationMinutes !== null ? t('activities.minutes', { count: activity.durationMinutes }) : null,
    activity.direction ? t(`activities.directions.${activity.direction}`) : null,
  ].filter(Boolean);

  return (
    <Paper withBorder p="sm" radius="md" data-testid="activity">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Icon size={20} stroke={1.6} style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{activity.subject ?? t(`activities.kinds.${activity.kind}`)}</Text>
              {activity.outcome && (
                // As typed (no capitals), and whole on as many lines as it takes.
                <Badge
                  size="sm"
                  variant="light"
                  tt="none"
                  h="auto"
                  maw="100%"
                  styles={{ label: { whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.4 } }}
                >
                  {activity.outcome}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {meta.join(' · ')}
              {person && (
                <>
                  {' · '}
                  <Anchor size="xs" href={`#/people/${person.id}`} data-testid="activity-person">
                    {person.name}
                  </Anchor>
                </>
              )}
            </Text>
            {activity.body && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {activity.body}
              </Text>
            )}
          </Stack>
        </Group>
        {!readOnly && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('records.edit')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('records.edit')}
                onClick={() => setDraft(draftFrom(activity))}
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('activities.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('activities.delete')}
                loading={remove.isPending}
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('activities.deleteTitle'),
                    children: (
                      <Text size="sm">
                        {t('activities.deleteText', {
                          subject: activity.subject ?? t(`activities.kinds.${activity.kind}`),
                        })}
                      </Text>
                    ),
                    labels: { confirm: t('activities.delete'), cancel: t('records.cancel') },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate({ id: activity.id }),
                  })
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <ErrorAlert error={remove.error} />
    </Paper>
  );
}
