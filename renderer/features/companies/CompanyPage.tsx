import { Grid, Group, Stack, Text } from '@mantine/core';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { Timeline } from '../activities/Timeline';
import { TagBadges } from '../records/TagBadges';
import { isEditable, RecordHeaderActions, TrashedRecordAlert } from '../records/RecordHeaderActions';
import { CompanyDetails, CompanyTitle } from './CompanyDetails';
import { CompanyMergeHistory } from './CompanyMergeHistory';
import { CompanyPeopleCard } from './CompanyPeopleCard';

/** A company with its people and its timeline. */
export function CompanyPage({ companyId }: { companyId: number }) {
  const company = useChannelQuery('companies:get', { id: companyId });

  return (
    <QueryState query={company}>
      {(data) => (
        <Stack gap="lg" maw={1200}>
          <TrashedRecordAlert entity="companies" state={data} />
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <CompanyTitle company={data} editable={isEditable(data)} />
              <Text c="dimmed">{[data.industry, data.legalName].filter(Boolean).join(' · ')}</Text>
              <TagBadges tags={data.tags} />
            </Stack>
            <RecordHeaderActions entity="companies" id={companyId} state={data} />
          </Group>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <CompanyDetails company={data} editable={isEditable(data)} />
                <CompanyPeopleCard company={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <CompanyMergeHistory companyId={companyId} />
                <Timeline subject={{ companyId }} readOnly={data.deletedAt !== null} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
