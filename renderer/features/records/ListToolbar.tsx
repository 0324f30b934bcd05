import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition } from '../../../shared/domain/list-query';
import { FilterBuilder } from './FilterBuilder';
import type { FilterField } from './filter-fields';

type ListToolbarProps = {
  text: string;
  onTextChange: (text: string) => void;
  fields: FilterField[];
  conditions: FilterCondition[];
  onConditionsChange: (conditions: FilterCondition[]) => void;
  trash: boolean;
  onTrashChange: (trash: boolean) => void;
  /** More controls at the end of the bar (the columns menu). */
  extra?: React.ReactNode;
};

/** Quick text filter, the filter builder, and the switch between live records and the trash. */
export function ListToolbar(props: ListToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('records.list.filterText')}
        aria-label={t('records.list.filterText')}
        value={props.text}
        onChange={(event) => props.onTextChange(event.currentTarget.value)}
        style={{ flex: 1, maxWidth: 420 }}
      />
      <FilterBuilder fields={props.fields} conditions={props.conditions} onChange={props.onConditionsChange} />
      <SegmentedControl
        value={props.trash ? 'trash' : 'live'}
        onChange={(value) => props.onTrashChange(value === 'trash')}
        data={[
          { value: 'live', label: t('records.list.live') },
          { value: 'trash', label: t('records.list.trash') },
        ]}
      />
      {props.extra}
    </Group>
  );
}
