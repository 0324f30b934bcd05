import type { Activity, ActivityKind } from '../../../shared/domain/activities';

/** What the activity editor holds; `occurredAt` is local "YYYY-MM-DDTHH:mm" as a datetime input gives it. */
export type ActivityDraft = {
  kind: ActivityKind;
  occurredAt: string;
  durationMinutes: number | null;
  direction: 'inbound' | 'outbound' | null;
  outcome: string;
  subject: string;
  body: string;
  /**
   * The stored UTC time of an activity being edited. Saved back as it is while the box still shows
   * its minute: read back from local wall-clock time, it would lose its seconds, and a time in the
   * hour repeated when clocks go back would move an hour earlier.
   */
  storedOccurredAt: string | null;
};

function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function newDraft(kind: ActivityKind = 'call'): ActivityDraft {
  return {
    kind,
    occurredAt: localDateTime(new Date()),
    durationMinutes: null,
    direction: null,
    outcome: '',
    subject: '',
    body: '',
    storedOccurredAt: null,
  };
}

export function draftFrom(activity: Activity): ActivityDraft {
  return {
    kind: activity.kind,
    occurredAt: localDateTime(new Date(activity.occurredAt)),
    durationMinutes: activity.durationMinutes,
    direction: activity.direction,
    outcome: activity.outcome ?? '',
    subject: activity.subject ?? '',
    body: activity.body ?? '',
    storedOccurredAt: activity.occurredAt,
  };
}

function occurredAt(draft: ActivityDraft): string {
  const stored = draft.storedOccurredAt;
  return stored !== null && localDateTime(new Date(stored)) === draft.occurredAt
    ? stored
    : new Date(draft.occurredAt).toISOString();
}

/** Times are stored as UTC ISO strings; the input shows the user's local time. */
export function draftToInput(draft: ActivityDraft) {
  return {
    kind: draft.kind,
    occurredAt: occurredAt(draft),
    durationMinutes: draft.kind === 'call' || draft.kind === 'meeting' ? draft.durationMinutes : null,
    direction: draft.kind === 'call' || draft.kind === 'email' ? draft.direction : null,
    outcome: draft.outcome,
    subject: draft.subject,
    body: draft.body,
  };
}
