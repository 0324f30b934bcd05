import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotesBlock } from './ContactDetails';
import { InlineEdit } from './InlineEdit';

/** Notes below the fields, edited in place as a block. */
export function NotesField({
  notes,
  editable,
  save,
}: {
  notes: string | null;
  editable: boolean;
  save: (notes: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const text = notes && <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{notes}</div>;
  if (!editable) return <NotesBlock notes={notes} />;
  return (
    <InlineEdit<string>
      block
      multiline
      label={t('records.fields.notes')}
      display={text}
      initial={() => notes ?? ''}
      input={(value, onChange) => (
        <Textarea
          aria-label={t('records.fields.notes')}
          name="notes"
          autoFocus
          autosize
          minRows={3}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      save={save}
    />
  );
}
