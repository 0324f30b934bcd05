import { Card, Divider, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { AddOwnerForm } from './AddOwnerForm';

/** The people records are assigned to; they have no logins yet. */
export function OwnersSettings() {
  const { t } = useTranslation();
  const users = useChannelQuery('users:list', {});
  return (
    <Card withBorder>
      <Title order={4}>{t('fieldsAdmin.owners.title')}</Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('fieldsAdmin.owners.hint')}
      </Text>
      <QueryState query={users}>
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed" size="sm" data-testid="owners-empty">
              {t('fieldsAdmin.owners.empty')}
            </Text>
          ) : (
            <Table layout="fixed" data-testid="owners-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="50%">{t('fieldsAdmin.owners.columns.name')}</Table.Th>
                  <Table.Th>{t('fieldsAdmin.owners.columns.email')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((user) => (
                  <Table.Tr key={user.id} data-testid="owner-row">
                    <Table.Td style={{ wordBreak: 'break-word' }} fw={500}>
                      {user.displayName}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      {user.email ?? (
                        <Text span c="dimmed" aria-hidden>
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Divider my="md" />
      <AddOwnerForm />
    </Card>
  );
}
