import { Badge, Button, Card, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconGitMerge } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { mergeableFields, type MergeableField } from '../../../shared/domain/duplicates';
import type { Person } from '../../../shared/domain/people';
import { call } from '../../api/client';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { TagBadges } from '../records/TagBadges';

type Side = 'survivor' | 'merged';

/** Consent is merged by its own rules (kept unless empty); the rest are shown as choices. */
const fields = mergeableFields.filter(
  (field): field is Exclude<MergeableField, 'contactConsent' | 'marketingConsent'> =>
    field !== 'contactConsent' && field !== 'marketingConsent',
);
type Field = (typeof fields)[number];

function shown(person: Person, field: Field, t: (key: string) => string): string {
  switch (field) {
    case 'companyId':
      return person.company?.name ?? '';
    case 'ownerId':
      return person.owner?.name ?? '';
    case 'preferredChannel':
      return person.preferredChannel ? t(`records.channels.${person.preferredChannel}`) : '';
    default:
      return person[field] ?? '';
  }
}

/** Two people side by side: pick each differing value, see the combined contacts, merge. */
export function MergePage({ survivorId, mergedId }: { survivorId: number; mergedId: number }) {
  const survivor = useChannelQuery('people:get', { id: survivorId });
  const merged = useChannelQuery('people:get', { id: mergedId });
  return (
    <QueryState query={survivor}>
      {(a) => (
        <QueryState query={merged}>{(b) => <MergeBody key={`${a.id}:${b.id}`} survivor={a} merged={b} />}</QueryState>
      )}
    </QueryState>
  );
}

function MergeBody({ survivor, merged }: { survivor: Person; merged: Person }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const merge = useChannelMutation('people:merge');
  const differing = fields.filter((field) => shown(survivor, field, t) !== shown(merged, field, t));
  const [choices, setChoices] = useState<Record<string, Side>>(() =>
    Object.fromEntries(differing.map((field) => [field, shown(survivor, field, t) === '' ? 'merged' : 'survivor'])),
  );
  const union = <T,>(a: T[], b: T[], key: (item: T) => string) => [
    ...new Map([...a, ...b].map((item) => [key(item), item])).values(),
  ];

  function submit() {
    merge.mutate(
      { survivorId: survivor.id, mergedId: merged.id, choices },
      {
        onSuccess: async ({ mergeId }) => {
          await queryClient.invalidateQueries();
          navigate(`/people/${survivor.id}`);
          const id = `merge-${mergeId}`;
          notifications.show({
            id,
            color: 'teal',
            autoClose: 10_000,
            message: (
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('merge.done')}</Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={async () => {
                    notifications.hide(id);
                    await call('people:unmerge', { mergeId });
                    await queryClient.invalidateQueries();
                  }}
                >
                  {t('merge.undo')}
                </Button>
              </Group>
            ),
          });
        },
      },
    );
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('merge.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconArrowsExchange size={16} />}
            onClick={() => navigate(`/people/merge/${merged.id}/${survivor.id}`)}
          >
            {t('merge.swap')}
          </Button>
          <Button leftSection={<IconGitMerge size={16} />} onClick={submit} loading={merge.isPending}>
            {t('merge.submit')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('merge.hint', { survivor: survivor.displayName, merged: merged.displayName })}</Text>
      <ErrorAlert error={merge.error} />
      <Card withBorder p={0}>
        <Table layout="fixed" verticalSpacing="sm" data-testid="merge-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('merge.field')}</Table.Th>
              <Table.Th>
                <Group gap="xs">
                  {survivor.displayName}
                  <Badge size="sm">{t('merge.keeps')}</Badge>
                </Group>
              </Table.Th>
              <Table.Th>{merged.displayName}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const left = shown(survivor, field, t);
              const right = shown(merged, field, t);
              if (left === '' && right === '') return null;
              const differs = differing.includes(field);
              const label = t(
                `records.fields.${field === 'companyId' ? 'company' : field === 'ownerId' ? 'owner' : field}`,
              );
              return (
                <Table.Tr key={field}>
                  <Table.Td c="dimmed">{label}</Table.Td>
                  {(['survivor', 'merged'] as const).map((side) => (
                    <Table.Td key={side} style={{ wordBreak: 'break-word' }}>
                      {differs ? (
                        <Radio
                          name={`merge-${field}`}
                          aria-label={`${label}: ${side === 'survivor' ? left || '—' : right || '—'}`}
                          checked={choices[field] === side}
                          onChange={() => setChoices((current) => ({ ...current, [field]: side }))}
                          label={(side === 'survivor' ? left : right) || <Text c="dimmed">—</Text>}
                        />
                      ) : (
                        left
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          {t('merge.combined')}
        </Title>
        <Stack gap={4}>
          <Text size="sm">
            {t('records.fields.phones')}:{' '}
            {union(survivor.phones, merged.phones, (p) => p.value)
              .map((p) => p.display)
              .join(', ') || '—'}
          </Text>
          <Text size="sm">
            {t('records.fields.emails')}:{' '}
            {union(survivor.emails, merged.emails, (e) => e.value)
              .map((e) => e.value)
              .join(', ') || '—'}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('records.fields.tags')}:</Text>
            {survivor.tags.length + merged.tags.length === 0 ? (
              <Text size="sm">—</Text>
            ) : (
              <TagBadges tags={union(survivor.tags, merged.tags, (tag) => tag.toLowerCase())} />
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('merge.timelineMoves')}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
