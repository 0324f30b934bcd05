import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { customValueText } from '../records/ContactDetails';
import { Badge, Button, Card, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconGitMerge } from '@tabler/icons-react';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Address, Email, Phone } from '../../../shared/domain/contact-points';
import type { MergeEntity } from '../../../shared/domain/duplicates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showUndoNotice } from '../../components/undo-notice';
import { QueryState } from '../../components/QueryState';
import { TagBadges } from '../records/TagBadges';
import { mergeScreens } from './merge-screens';
import { shownPhone } from '../../components/format';

type Side = 'survivor' | 'merged';

/** What the merge screen needs of a person or a company. */
export type MergeSide = { id: number; phones: Phone[]; emails: Email[]; addresses: Address[]; tags: string[] };

const addressText = (address: Address) =>
  [address.postalCode, address.country, address.region, address.city, address.street].filter(Boolean).join(', ');

/**
 * One row of the comparison: a field, how each record shows it, and which side is picked at first
 * (without `prefer`: the survivor's, unless it is empty).
 */
export type MergeField<R> = {
  field: string;
  label: string;
  show: (record: R) => string;
  prefer?: (survivor: R, merged: R) => Side;
};

type MergeBodyProps<R extends MergeSide> = {
  entity: MergeEntity;
  survivor: R;
  merged: R;
  fields: ReadonlyArray<MergeField<R>>;
  nameOf: (record: R) => string;
  /** Merges as shown: the pages pass both records' versions, so a change made meanwhile is refused. */
  merge: (survivor: R, merged: R, choices: Record<string, Side>) => Promise<{ mergeId: number }>;
  unmerge: (mergeId: number) => Promise<unknown>;
  /** What moves to the survivor without asking (its timeline, a company's people). */
  movesNote: (merged: R) => string;
};

type MergeScreenProps<R extends MergeSide> = Omit<MergeBodyProps<R>, 'survivor' | 'merged'> & {
  survivor: UseQueryResult<R>;
  merged: UseQueryResult<R>;
};

/** A row per custom field: its value is picked like any field's ("custom.<key>" choices). */
export function customMergeFields<R extends { customFields: CustomFieldValues }>(
  definitions: CustomFieldDefinition[],
  t: (key: string) => string,
  language: string,
): Array<MergeField<R>> {
  return definitions.map((definition) => ({
    field: `custom.${definition.key}`,
    label: definition.label,
    show: (record: R) => customValueText(t, definition, record.customFields[definition.key], language) ?? '',
  }));
}

const union = <T,>(a: T[], b: T[], key: (item: T) => string) => [
  ...new Map([...a, ...b].map((item) => [key(item), item])).values(),
];

/** Two records side by side once both are loaded: pick each differing value, see the combined contacts, merge. */
export function MergeScreen<R extends MergeSide>({ survivor, merged, ...rest }: MergeScreenProps<R>) {
  return (
    <QueryState query={survivor}>
      {(a) => (
        <QueryState query={merged}>
          {(b) => <MergeBody key={`${a.id}:${b.id}`} survivor={a} merged={b} {...rest} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function MergeBody<R extends MergeSide>({
  entity,
  survivor,
  merged,
  fields,
  nameOf,
  merge,
  unmerge,
  movesNote,
}: MergeBodyProps<R>) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { listPath } = mergeScreens[entity];
  const mutation = useMutation({ mutationFn: (choices: Record<string, Side>) => merge(survivor, merged, choices) });
  const differing = fields.filter(({ show }) => show(survivor) !== show(merged)).map(({ field }) => field);
  const [choices, setChoices] = useState<Record<string, Side>>(() =>
    Object.fromEntries(
      fields
        .filter(({ field }) => differing.includes(field))
        .map(({ field, show, prefer }) => [
          field,
          prefer ? prefer(survivor, merged) : show(survivor) === '' ? 'merged' : 'survivor',
        ]),
    ),
  );

  function submit() {
    mutation.mutate(choices, {
      onSuccess: async ({ mergeId }) => {
        await queryClient.invalidateQueries();
        navigate(`${listPath}/${survivor.id}`);
        showUndoNotice({
          id: `merge-${mergeId}`,
          color: 'teal',
          message: t('merge.done', { context: entity }),
          undoLabel: t('merge.undo'),
          undo: async () => {
            await unmerge(mergeId);
            await queryClient.invalidateQueries();
          },
          t,
        });
      },
    });
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('merge.title', { context: entity })}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconArrowsExchange size={16} />}
            onClick={() => navigate(`${listPath}/merge/${merged.id}/${survivor.id}`)}
          >
            {t('merge.swap')}
          </Button>
          <Button leftSection={<IconGitMerge size={16} />} onClick={submit} loading={mutation.isPending}>
            {t('merge.submit')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" style={{ wordBreak: 'break-word' }}>
        {t('merge.hint', { context: entity, survivor: nameOf(survivor), merged: nameOf(merged) })}
      </Text>
      <ErrorAlert error={mutation.error} />
      <Card withBorder p={0}>
        <Table layout="fixed" verticalSpacing="sm" data-testid="merge-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('merge.field')}</Table.Th>
              <Table.Th style={{ wordBreak: 'break-word' }}>
                <Group gap="xs">
                  {nameOf(survivor)}
                  <Badge size="sm">{t('merge.keeps')}</Badge>
                </Group>
              </Table.Th>
              <Table.Th style={{ wordBreak: 'break-word' }}>{nameOf(merged)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map(({ field, label, show }) => {
              const left = show(survivor);
              const right = show(merged);
              if (left === '' && right === '') return null;
              const differs = differing.includes(field);
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
              .map((p) => shownPhone(p.display, t))
              .join(', ') || '—'}
          </Text>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {t('records.fields.emails')}:{' '}
            {union(survivor.emails, merged.emails, (e) => e.value)
              .map((e) => e.value)
              .join(', ') || '—'}
          </Text>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {t('records.fields.addresses')}:{' '}
            {union(survivor.addresses, merged.addresses, addressText).map(addressText).join('; ') || '—'}
          </Text>
          {survivor.tags.length + merged.tags.length === 0 ? (
            <Text size="sm">{t('records.fields.tags')}: —</Text>
          ) : (
            <Group gap="xs">
              <Text size="sm">{t('records.fields.tags')}:</Text>
              <TagBadges tags={union(survivor.tags, merged.tags, (tag) => tag.toLowerCase())} />
            </Group>
          )}
          <Text size="sm" c="dimmed">
            {movesNote(merged)}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
