import { Anchor, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconList, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Company } from '../../../shared/domain/companies';
import type { FilterCondition } from '../../../shared/domain/list-query';
import { useChannelQuery } from '../../api/queries';
import { formatNumber, shownPhone } from '../../components/format';
import { useOpenFilteredList } from '../records/useListState';

/** The people shown on a company's page; all of them are a click away in the people list. */
const PEOPLE_SHOWN = 200;

/** A company's people: the first ones here, every one of them in the people list (for bulk actions too). */
export function CompanyPeopleCard({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const openList = useOpenFilteredList();
  const ofCompany: FilterCondition[] = [{ field: 'company', operator: 'is', value: [company.id] }];
  const people = useChannelQuery('people:list', { filter: { conditions: ofCompany }, limit: PEOPLE_SHOWN });
  const shown = people.data?.rows.length ?? 0;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('companies.people', { count: company.peopleCount })}</Title>
        <Group gap="xs">
          {company.peopleCount > 0 && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconList size={14} />}
              onClick={() => openList('person', '/people', ofCompany)}
            >
              {t('companies.openPeopleList')}
            </Button>
          )}
          {/* A company in the trash (or merged away) takes no new people. */}
          {company.deletedAt === null && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserPlus size={14} />}
              onClick={() => navigate(`/companies/${company.id}/new-person`)}
            >
              {t('people.new')}
            </Button>
          )}
        </Group>
      </Group>
      {people.data && shown === 0 && <Text c="dimmed">{t('companies.noPeople')}</Text>}
      <Table>
        <Table.Tbody>
          {(people.data?.rows ?? []).map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Anchor href={`#/people/${person.id}`}>{person.displayName}</Anchor>
              </Table.Td>
              <Table.Td c="dimmed">{person.position}</Table.Td>
              <Table.Td>{person.phone && shownPhone(person.phone, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown > 0 && shown < company.peopleCount && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="people-shown">
          {t('companies.peopleShown', {
            shown: formatNumber(shown, i18n.language),
            total: formatNumber(company.peopleCount, i18n.language),
          })}
        </Text>
      )}
    </Card>
  );
}
