import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  duplicateReasons,
  type DuplicateReason,
  type ExactDuplicateReason,
  type MergeEntity,
} from '../../../shared/domain/duplicates';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, shownPhone } from '../../components/format';
import { mergeScreens } from './merge-screens';

/** Groups of likely duplicate people or companies, each one click away from the side-by-side merge. */
export function DuplicatesPage({ entity }: { entity: MergeEntity }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const screen = mergeScreens[entity];
  const reasons: readonly DuplicateReason[] = duplicateReasons[entity];
  const [picked, setPicked] = useState<DuplicateReason[]>([...reasons]);
  const groups = useChannelQuery('duplicates:find', { entity, reasons: picked, limit: 200 });
  const mergeExact = useChannelMutation('duplicates:mergeExact', ['duplicates:find', ...screen.listChannels]);
  // Only the reasons the user left ticked: unticking "phone" must keep shared phones out of the merge.
  const exactReasons = picked.filter((reason): reason is ExactDuplicateReason => reason !== 'similarName');

  function confirmMergeExact() {
    modals.openConfirmModal({
      title: t('duplicates.mergeExactTitle'),
      children: <Text size="sm">{t('duplicates.mergeExactText', { context: entity })}</Text>,
      labels: { confirm: t('duplicates.mergeExact'), cancel: t('records.cancel') },
      onConfirm: () =>
        mergeExact.mutate(
          { entity, reasons: exactReasons },
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
        <Title order={2}>{t('duplicates.title', { context: entity })}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(screen.listPath)}>
            {t(screen.backKey)}
          </Button>
          <Button
            leftSection={<IconGitMerge size={16} />}
            onClick={confirmMergeExact}
            loading={mergeExact.isPending}
            disabled={exactReasons.length === 0}
          >
            {t('duplicates.mergeExact')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('duplicates.hint')}</Text>
      <Group gap="lg">
        {reasons.map((reason) => (
          <Checkbox
            key={reason}
            label={t(`duplicates.reasons.${reason}`, { context: entity })}
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
            <Text c="dimmed" ta="center" py="xl" data-testid="duplicates-none">
              {t('duplicates.none')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="duplicate-groups">
              {data.groups.map((group) => (
                <Card key={`${group.reason}:${group.key}`} withBorder data-testid="duplicate-group">
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                      <Badge variant="light" style={{ flexShrink: 0 }}>
                        {t(`duplicates.reasons.${group.reason}`, { context: entity })}
                      </Badge>
                      <Text fw={500} truncate="end">
                        {group.key}
                      </Text>
                    </Group>
                    <Button
                      size="xs"
                      variant="light"
                      style={{ flexShrink: 0 }}
                      leftSection={<IconGitMerge size={14} />}
                      onClick={() =>
                        navigate(`${screen.listPath}/merge/${group.members[0]!.id}/${group.members[1]!.id}`)
                      }
                    >
                      {t('duplicates.compare')}
                    </Button>
                  </Group>
                  <Table layout="fixed">
                    <Table.Tbody>
                      {group.members.map((member) => (
                        <Table.Tr key={member.id}>
                          <Table.Td fw={500} w="30%" style={{ wordBreak: 'break-word' }}>
                            {member.displayName}
                          </Table.Td>
                          <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>
                            {member.company}
                          </Table.Td>
                          <Table.Td w={170}>{member.phone && shownPhone(member.phone, t)}</Table.Td>
                          <Table.Td style={{ wordBreak: 'break-word' }}>{member.email}</Table.Td>
                          <Table.Td c="dimmed" w={170}>
                            {formatDateTime(member.createdAt, i18n.language)}
                          </Table.Td>
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
