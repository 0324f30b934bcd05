import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { dropDownOpen } from '../../components/drop-down';
import { errorText } from '../../components/ErrorAlert';
import type { DetailRow } from './ContactDetails';
import classes from './InlineEdit.module.css';

export type InlineEditProps<V> = {
  /** What the field is called: the pencil's and the editor's accessible name. */
  label: string;
  /** The value as the page shows it; null, undefined or '' when there is none. */
  display: ReactNode;
  /** The value to start from, read when editing starts (the record may have changed since). */
  initial: () => V;
  /** The input(s) editing the value; they focus themselves. */
  input: (value: V, onChange: (value: V) => void) => ReactNode;
  /** Saves the value; `started` is what editing started from (see changedFields). */
  save: (value: V, started: V) => Promise<unknown>;
  /** An i18n key when the value can't be saved as it is. */
  validate?: (value: V) => string | null;
  /** Enter starts a new line (notes): Ctrl/Cmd+Enter saves. */
  multiline?: boolean;
  /** A block (contacts, notes): its label above it, the pencil beside the label. */
  block?: boolean;
};

const isEmpty = (display: ReactNode) => display === null || display === undefined || display === '';

/**
 * A value on a detail page that is edited where it stands: the pencil (or a click on an empty
 * value) swaps it for its input; Enter or ✓ saves, Esc or ✕ puts it back as it was.
 */
export function InlineEdit<V>({
  label,
  display,
  initial,
  input,
  save,
  validate,
  multiline,
  block,
}: InlineEditProps<V>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ value: V; started: V } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pencilRef = useRef<HTMLButtonElement>(null);
  // Set when the editor closes: the keyboard goes on from the pencil, not from the page's top.
  const refocus = useRef(false);
  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    pencilRef.current?.focus();
  }, [draft]);

  const start = () => {
    setError(null);
    const started = initial();
    setDraft({ value: started, started });
  };
  const close = () => {
    refocus.current = true;
    setDraft(null);
    setError(null);
  };
  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (draft === null || saving) return;
    const invalid = validate?.(draft.value) ?? null;
    if (invalid !== null) {
      setError(t(invalid));
      return;
    }
    setSaving(true);
    try {
      await save(draft.value, draft.started);
      close();
    } catch (caught) {
      // The page reads the record again (useRecordSave): saving once more changes only this field.
      setError(
        caught instanceof ApiError && caught.code === 'Conflict' ? t('records.inline.conflict') : errorText(t, caught),
      );
    } finally {
      setSaving(false);
    }
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      // That Esc closed an open drop-down (a label, the company, tags): the edit goes on.
      if (dropDownOpen(event.target)) return;
      // Not while saving: the save goes on, and its error would be lost with the editor.
      if (!saving) close();
    } else if (multiline && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      void submit(event);
    }
  }

  const pencil = (
    <ActionIcon
      ref={pencilRef}
      variant="subtle"
      color="gray"
      size="sm"
      className={classes.pencil}
      aria-label={t('records.inline.edit', { field: label })}
      title={t('records.inline.edit', { field: label })}
      onClick={start}
      data-testid="inline-edit"
    >
      <IconPencil size={14} />
    </ActionIcon>
  );

  if (draft !== null) {
    return (
      <form onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate aria-label={label}>
        <Stack gap={6}>
          {block && (
            <Text fw={600} size="sm">
              {label}
            </Text>
          )}
          {input(draft.value, (value) => setDraft({ value, started: draft.started }))}
          {error !== null && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group gap={6} justify="flex-end">
            <ActionIcon
              variant="default"
              aria-label={t('records.inline.cancelField', { field: label })}
              title={t('records.inline.cancel')}
              onClick={close}
              disabled={saving}
            >
              <IconX size={16} />
            </ActionIcon>
            <ActionIcon
              type="submit"
              aria-label={t('records.inline.saveField', { field: label })}
              title={multiline ? t('records.inline.saveMultiline') : t('records.inline.save')}
              loading={saving}
            >
              <IconCheck size={16} />
            </ActionIcon>
          </Group>
        </Stack>
      </form>
    );
  }

  const empty = (
    <Text
      component="button"
      type="button"
      c="dimmed"
      size="sm"
      onClick={start}
      aria-label={t('records.inline.addField', { field: label })}
      style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', alignSelf: 'flex-start' }}
    >
      {block ? t('records.inline.add') : '—'}
    </Text>
  );
  if (block) {
    return (
      <Stack gap={4} className={classes.field}>
        <Group gap={6} wrap="nowrap">
          <Text fw={600}>{label}</Text>
          {pencil}
        </Group>
        {isEmpty(display) ? empty : display}
      </Stack>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" className={classes.field}>
      <div className={classes.value}>{isEmpty(display) ? empty : display}</div>
      {pencil}
    </Group>
  );
}

/** A detail table's row edited in place, or shown as it is where the record can't be edited. */
export function inlineRow<V>(editable: boolean, props: InlineEditProps<V>): DetailRow {
  return { label: props.label, value: editable ? <InlineEdit {...props} /> : props.display };
}

/**
 * The parts of an edited group of fields (a name, the contacts) the user changed: saving only those
 * keeps what a colleague changed meanwhile in the others (after a Conflict, the save goes again
 * onto the record read afresh).
 */
export function changedFields<T extends object>(value: T, started: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (JSON.stringify(value[key]) !== JSON.stringify(started[key])) changed[key] = value[key];
  }
  return changed;
}
