import { Card, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldEntities, type CustomFieldEntity } from '../../../shared/domain/custom-fields';
import { CustomFieldList } from './CustomFieldList';

/** Admin-defined fields of people and companies, one tab each. */
export function CustomFieldsSettings() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<CustomFieldEntity>('person');
  return (
    <Card withBorder>
      <Title order={4}>{t('fieldsAdmin.fields.title')}</Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('fieldsAdmin.fields.hint')}
      </Text>
      <Tabs value={entity} onChange={(value) => setEntity(value === 'company' ? 'company' : 'person')}>
        <Tabs.List mb="md">
          {customFieldEntities.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`fieldsAdmin.fields.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {customFieldEntities.map((value) => (
          <Tabs.Panel key={value} value={value}>
            <CustomFieldList entity={value} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}
