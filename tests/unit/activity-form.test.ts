// The user's computer is in Berlin: a zone whose clocks go back an hour in October.
process.env.TZ = 'Europe/Berlin';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../shared/domain/activities';
import { draftFrom, draftToInput } from '../../renderer/features/activities/activity-form';

const stored = (occurredAt: string): Activity => ({
  id: 1,
  kind: 'call',
  occurredAt,
  durationMinutes: 5,
  direction: 'outbound',
  outcome: null,
  subject: 'Звонок',
  body: null,
  personId: 1,
  companyId: null,
  owner: null,
  createdAt: occurredAt,
  updatedAt: occurredAt,
  version: 1,
});

describe('the activity editor’s time', () => {
  it('keeps the time of a call made in the hour repeated when clocks go back, when only its text changes', () => {
    // 02:30 CET: the second 02:30 of 25 October 2026 in Berlin.
    const activity = stored('2026-10-25T01:30:00.000Z');
    const draft = draftFrom(activity);
    expect(draft.occurredAt).toBe('2026-10-25T02:30');
    expect(draftToInput({ ...draft, subject: 'Звонок (исправлено)' }).occurredAt).toBe(activity.occurredAt);
  });

  it('keeps the seconds of a time the user didn’t touch (seeded and imported activities have them)', () => {
    const activity = stored('2026-11-20T10:00:45.123Z');
    expect(draftToInput({ ...draftFrom(activity), body: 'Добавил заметку' }).occurredAt).toBe(activity.occurredAt);
  });

  it('reads a changed time as the user’s local time', () => {
    const draft = draftFrom(stored('2026-11-20T10:00:45.123Z'));
    expect(draft.occurredAt).toBe('2026-11-20T11:00');
    expect(draftToInput({ ...draft, occurredAt: '2026-11-21T09:15' }).occurredAt).toBe('2026-11-21T08:15:00.000Z');
    // Summer time: two hours ahead of UTC.
    expect(draftToInput({ ...draft, occurredAt: '2026-07-01T09:15' }).occurredAt).toBe('2026-07-01T07:15:00.000Z');
  });
});
