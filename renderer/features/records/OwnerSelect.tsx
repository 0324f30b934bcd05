import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';

export function OwnerSelect({ value, onChange }: { value: number | null; onChange: (value: number | null) => void }) {
  const { t } = useTranslation();
  const users = useChannelQuery('users:list', {});
  return (
    <Select
      label={t('records.fields.owner')}
      name="owner"
      clearable
      data={(users.data ?? []).map((user) => ({ value: String(user.id), label: user.displayName }))}
      value={value === null ? null : String(value)}
      onChange={(id) => onChange(id === null ? null : Number(id))}
    />
  );
}
