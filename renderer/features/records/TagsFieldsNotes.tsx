import { TagsInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LONG_TEXT_MAX, TAG_SEPARATORS } from '../../../shared/domain/common';
import type { CustomFieldEntity, CustomFieldValues } from '../../../shared/domain/custom-fields';
import { useChannelQuery } from '../../api/queries';
import { CustomFieldsEditor } from './CustomFieldsEditor';

type TagsFieldsNotesProps = {
  entity: CustomFieldEntity;
  tags: string[];
  customFields: CustomFieldValues;
  notes: string;
  onChange: (patch: { tags?: string[]; customFields?: CustomFieldValues; notes?: string }) => void;
};

/** Tags (with the base's existing ones offered), the entity's custom fields, and notes. */
export function TagsFieldsNotes({ entity, tags, customFields, notes, onChange }: TagsFieldsNotesProps) {
  const { t } = useTranslation();
  const knownTags = useChannelQuery('tags:list', {});
  const definitions = useChannelQuery('customFields:list', { entity });
  return (
    <>
      <TagsInput
        label={t('records.fields.tags')}
        name="tags"
        data={(knownTags.data ?? []).map((tag) => tag.name)}
        value={tags}
        onChange={(value) => onChange({ tags: value })}
        clearable
        splitChars={[...TAG_SEPARATORS]}
      />
      <CustomFieldsEditor
        definitions={definitions.data ?? []}
        values={customFields}
        onChange={(values) => onChange({ customFields: values })}
      />
      <Textarea
        label={t('records.fields.notes')}
        name="notes"
        maxLength={LONG_TEXT_MAX}
        autosize
        minRows={3}
        value={notes}
        onChange={(event) => onChange({ notes: event.currentTarget.value })}
      />
    </>
  );
}
