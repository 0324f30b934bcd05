import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity } from '../../../shared/domain/custom-fields';
import { useChannelQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { CustomFieldCreateForm } from './CustomFieldCreateForm';
import { CustomFieldTable } from './CustomFieldTable';

/** One tab of the custom fields section: the fields of people or of companies, and adding one. */
export function CustomFieldList({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const fields = useChannelQuery('customFields:list', { entity });
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <QueryState query={fields}>
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed" size="sm" data-testid="custom-fields-empty">
              {t(`fieldsAdmin.fields.empty.${entity}`)}
            </Text>
          ) : (
            <CustomFieldTable fields={data} />
          )
        }
      </QueryState>
      {adding ? (
        <CustomFieldCreateForm entity={entity} onDone={() => setAdding(false)} />
      ) : (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} w="fit-content">
          {t('fieldsAdmin.fields.add')}
        </Button>
      )}
    </Stack>
  );
}
