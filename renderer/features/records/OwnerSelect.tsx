import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';

type OwnerSelectProps = {
  value: number | null;
  onChange: (value: number | null) => void;
  /** In a detail page's row, which names the field already: no label of its own, focused at once. */
  inline?: boolean;
};

export function OwnerSelect({ value, onChange, inline = false }: OwnerSelectProps) {
  const { t } = useTranslation();
  const users = useChannelQuery('users:list', {});
  return (
    <Select
      label={inline ? undefined : t('records.fields.owner')}
      aria-label={t('records.fields.owner')}
      autoFocus={inline}
      name="owner"
      clearable
      data={(users.data ?? []).map((user) => ({ value: String(user.id), label: user.displayName }))}
      value={value === null ? null : String(value)}
      onChange={(id) => onChange(id === null ? null : Number(id))}
    />
  );
}
