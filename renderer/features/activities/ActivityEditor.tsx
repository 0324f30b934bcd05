import { Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activityKinds } from '../../../shared/domain/activities';
import type { ActivityDraft } from './activity-form';
import { DateField } from '../../components/DateField';
import { dropDownOpen } from '../../components/drop-down';

type ActivityEditorProps = {
  draft: ActivityDraft;
  onChange: (draft: ActivityDraft) => void;
  onSubmit: () => void;
  onCancel?: () => void;
  submitLabel: string;
  busy: boolean;
};

/** The fields of one activity; duration and direction appear only for kinds that have them. */
export function ActivityEditor({ draft, onChange, onSubmit, onCancel, submitLabel, busy }: ActivityEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<ActivityDraft>) => onChange({ ...draft, ...patch });
  const timed = draft.kind === 'call' || draft.kind === 'meeting';
  const directed = draft.kind === 'call' || draft.kind === 'email';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        // Esc leaves the edit, as in the other in-place editors; an open drop-down's Esc closes only it.
        if (event.key !== 'Escape' || !onCancel || dropDownOpen(event.target) || busy) return;
        event.stopPropagation();
        onCancel();
      }}
    >
      <Stack gap="xs">
        <SegmentedControl
          data={activityKinds.map((kind) => ({ value: kind, label: t(`activities.kinds.${kind}`) }))}
          value={draft.kind}
          onChange={(kind) => set({ kind: kind as ActivityDraft['kind'] })}
          aria-label={t('activities.kind')}
        />
        <Group grow align="flex-start">
          <DateField
            withTime
            name="activity-occurredAt"
            label={t('activities.occurredAt')}
            value={draft.occurredAt}
            onChange={(occurredAt) => set({ occurredAt })}
            required
          />
          {timed && (
            <NumberInput
              label={t('activities.duration')}
              min={0}
              max={1440}
              value={draft.durationMinutes ?? ''}
              onChange={(value) => set({ durationMinutes: typeof value === 'number' ? value : null })}
            />
          )}
          {directed && (
            <Select
              label={t('activities.direction')}
              data={[
                { value: 'outbound', label: t('activities.directions.outbound') },
                { value: 'inbound', label: t('activities.directions.inbound') },
              ]}
              value={draft.direction}
              onChange={(value) => set({ direction: value as ActivityDraft['direction'] })}
              clearable
            />
          )}
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('activities.subject')}
            name="activity-subject"
            autoFocus
            value={draft.subject}
            onChange={(event) => set({ subject: event.currentTarget.value })}
          />
          <TextInput
            label={t('activities.outcome')}
            name="activity-outcome"
            value={draft.outcome}
            onChange={(event) => set({ outcome: event.currentTarget.value })}
          />
        </Group>
        <Textarea
          label={t('activities.body')}
          name="activity-body"
          autosize
          minRows={2}
          maxRows={10}
          value={draft.body}
          onChange={(event) => set({ body: event.currentTarget.value })}
        />
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('records.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
