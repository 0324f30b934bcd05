import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DuplicateReason } from '../../../shared/domain/duplicates';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../components/format';

const reasons: DuplicateReason[] = ['email', 'phone', 'nameAndCompany', 'similarName'];

/** Groups of likely duplicates, each one click away from the side-by-side merge. */
export function DuplicatesPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [picked, setPicked] = useState<DuplicateReason[]>(reasons);
  const groups = useChannelQuery('duplicates:find', { reasons: picked, limit: 200 });
  const mergeExact = useChannelMutation('duplicates:mergeExact', ['duplicates:find', 'people:count', 'people:list']);

  function confirmMergeExact() {
    modals.openConfirmModal({
      title: t('duplicates.mergeExactTitle'),
      children: <Text size="sm">{t('duplicates.mergeExactText')}</Text>,
      labels: { confirm: t('duplicates.mergeExact'), cancel: t('records.cancel') },
      onConfirm: () =>
        mergeExact.mutate(
          { reasons: ['email', 'phone', 'nameAndCompany'] },
          {
            onSuccess: ({ merged }) =>
              notifications.show({ color: 'teal', message: t('duplicates.mergedCount', { count: merged }) }),
          },
        ),
    });
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('duplicates.title')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/people')}>
            {t('people.backToList')}
          </Button>
          <Button leftSection={<IconGitMerge size={16} />} onClick={confirmMergeExact} loading={mergeExact.isPending}>
            {t('duplicates.mergeExact')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('duplicates.hint')}</Text>
      <Group gap="lg">
        {reasons.map((reason) => (
          <Checkbox
            key={reason}
            label={t(`duplicates.reasons.${reason}`)}
            checked={picked.includes(reason)}
            onChange={(event) =>
              setPicked((current) =>
                event.currentTarget.checked ? [...current, reason] : current.filter((r) => r !== reason),
              )
            }
          />
        ))}
      </Group>
      <ErrorAlert error={mergeExact.error} />
      <QueryState query={groups}>
        {(data) =>
          data.groups.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {t('duplicates.none')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="duplicate-groups">
              {data.groups.map((group) => (
                <Card key={`${group.reason}:${group.key}`} withBorder data-testid="duplicate-group">
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Group gap="xs" style={{ minWidth: 0 }}>
                      <Badge variant="light">{t(`duplicates.reasons.${group.reason}`)}</Badge>
                      <Text fw={500} truncate="end">
                        {group.key}
                      </Text>
                    </Group>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconGitMerge size={14} />}
                      onClick={() => navigate(`/people/merge/${group.members[0]!.id}/${group.members[1]!.id}`)}
                    >
                      {t('duplicates.compare')}
                    </Button>
                  </Group>
                  <Table>
                    <Table.Tbody>
                      {group.members.map((member) => (
                        <Table.Tr key={member.id}>
                          <Table.Td fw={500}>{member.displayName}</Table.Td>
                          <Table.Td c="dimmed">{member.company}</Table.Td>
                          <Table.Td>{member.phone}</Table.Td>
                          <Table.Td>{member.email}</Table.Td>
                          <Table.Td c="dimmed">{formatDateTime(member.createdAt, i18n.language)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
