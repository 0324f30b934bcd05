import { Anchor, Avatar, Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { Timeline } from '../activities/Timeline';
import { MergeHistory } from './MergeHistory';
import { PersonDetails, PersonTitle } from './PersonDetails';
import { PrivacyActions } from './PrivacyActions';
import { TagBadges } from '../records/TagBadges';
import { isEditable, RecordHeaderActions, TrashedRecordAlert } from '../records/RecordHeaderActions';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase();
}

/** A person: their data, their company, and the timeline of everything that happened with them. */
export function PersonPage({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const person = useChannelQuery('people:get', { id: personId });

  return (
    <QueryState query={person}>
      {(data) => (
        <Stack gap="lg" maw={1200}>
          <TrashedRecordAlert entity="people" state={data} />
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
              <Avatar size="lg" radius="xl" color="indigo">
                {initials(data.displayName)}
              </Avatar>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <PersonTitle person={data} editable={isEditable(data)} />
                <Text c="dimmed">
                  {data.position}
                  {data.position && data.company ? ' · ' : ''}
                  {data.company && <Anchor href={`#/companies/${data.company.id}`}>{data.company.name}</Anchor>}
                  {data.company?.inTrash && ` (${t('records.trash.linkedInTrash')})`}
                </Text>
                <TagBadges tags={data.tags} />
              </Stack>
            </Group>
            <RecordHeaderActions entity="people" id={personId} state={data} />
          </Group>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <PersonDetails person={data} editable={isEditable(data)} />
              {/* A merged-away copy is kept only for the unmerge: its data lives on in the survivor. */}
              {data.mergedIntoId === null && <PrivacyActions person={data} />}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <MergeHistory personId={personId} />
                <Timeline subject={{ personId }} readOnly={data.deletedAt !== null} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
