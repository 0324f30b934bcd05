import { Anchor, Avatar, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime } from '../../components/format';
import { Timeline } from '../activities/Timeline';
import { MergeHistory } from './MergeHistory';
import { PrivacyActions } from './PrivacyActions';
import { contactRows, customFieldRows, DetailTable, NotesBlock } from '../records/ContactDetails';
import { TagBadges } from '../records/TagBadges';
import { RecordHeaderActions, TrashedRecordAlert } from '../records/RecordHeaderActions';

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
  const { t, i18n } = useTranslation();
  const person = useChannelQuery('people:get', { id: personId });
  const customFields = useChannelQuery('customFields:list', { entity: 'person' });

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
                <Title order={2} style={{ wordBreak: 'break-word' }} data-testid="person-name">
                  {data.displayName}
                </Title>
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
              <Card withBorder>
                <Stack gap="md">
                  <DetailTable
                    rows={[
                      ...contactRows(t, data.phones, data.emails, data.addresses),
                      {
                        label: t('records.fields.birthday'),
                        value: data.birthday && formatDate(data.birthday, i18n.language),
                      },
                      { label: t('records.fields.source'), value: data.source },
                      { label: t('records.fields.owner'), value: data.owner?.name },
                      {
                        label: t('records.fields.preferredChannel'),
                        value: data.preferredChannel && t(`records.channels.${data.preferredChannel}`),
                      },
                      { label: t('records.fields.language'), value: data.language },
                      { label: t('records.fields.website'), value: data.website },
                      ...customFieldRows(t, customFields.data ?? [], data.customFields, i18n.language),
                      { label: t('records.fields.createdAt'), value: formatDateTime(data.createdAt, i18n.language) },
                    ]}
                  />
                  <NotesBlock notes={data.notes} />
                </Stack>
              </Card>
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
