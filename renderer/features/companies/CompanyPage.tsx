import { Anchor, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { Timeline } from '../activities/Timeline';
import { TagBadges } from '../records/TagBadges';
import { RecordHeaderActions, TrashedRecordAlert } from '../records/RecordHeaderActions';
import type { Company } from '../../../shared/domain/companies';
import { CompanyDetails, CompanyTitle } from './CompanyDetails';
import { CompanyMergeHistory } from './CompanyMergeHistory';

/** Edited in place unless it is in the trash or merged away (as the Edit button). */
const editable = (company: Company) => company.deletedAt === null && company.mergedIntoId === null;

/** A company with its people and its timeline. */
export function CompanyPage({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const company = useChannelQuery('companies:get', { id: companyId });
  const people = useChannelQuery('people:list', {
    filter: { conditions: [{ field: 'company', operator: 'is', value: [companyId] }] },
    limit: 200,
  });

  return (
    <QueryState query={company}>
      {(data) => (
        <Stack gap="lg" maw={1200}>
          <TrashedRecordAlert entity="companies" state={data} />
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <CompanyTitle company={data} editable={editable(data)} />
              <Text c="dimmed">{[data.industry, data.legalName].filter(Boolean).join(' · ')}</Text>
              <TagBadges tags={data.tags} />
            </Stack>
            <RecordHeaderActions entity="companies" id={companyId} state={data} />
          </Group>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                <CompanyDetails company={data} editable={editable(data)} />
                <Card withBorder>
                  <Group justify="space-between" mb="sm">
                    <Title order={4}>{t('companies.people', { count: data.peopleCount })}</Title>
                    {/* A company in the trash (or merged away) takes no new people. */}
                    {data.deletedAt === null && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconUserPlus size={14} />}
                        onClick={() => navigate(`/companies/${companyId}/new-person`)}
                      >
                        {t('people.new')}
                      </Button>
                    )}
                  </Group>
                  {people.data && people.data.rows.length === 0 && <Text c="dimmed">{t('companies.noPeople')}</Text>}
                  <Table>
                    <Table.Tbody>
                      {(people.data?.rows ?? []).map((person) => (
                        <Table.Tr key={person.id}>
                          <Table.Td>
                            <Anchor href={`#/people/${person.id}`}>{person.displayName}</Anchor>
                          </Table.Td>
                          <Table.Td c="dimmed">{person.position}</Table.Td>
                          <Table.Td>{person.phone}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
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
