import { useCallback, useEffect, useState } from 'react';
import { onEvent } from '../../api/client';

export type TaskProgress = {
  done: number;
  total: number | null;
  /** Rows per second since the task started; null until there is something to measure. */
  rate: number | null;
  /** Seconds left at the current rate; null when the total or the rate is unknown. */
  secondsLeft: number | null;
};

const idle: TaskProgress = { done: 0, total: null, rate: null, secondsLeft: null };

/** Follows `task:progress` events of one import session and phase; `restart` zeroes the clock. */
export function useTaskProgress(sessionId: string | undefined, phase: 'dryRun' | 'import') {
  const [progress, setProgress] = useState<TaskProgress>(idle);
  const [startedAt, setStartedAt] = useState(() => Date.now());

  useEffect(() => {
    if (!sessionId) return;
    return onEvent('task:progress', (event) => {
      if (event.taskId !== sessionId || event.phase !== phase) return;
      const seconds = (Date.now() - startedAt) / 1000;
      const rate = seconds > 0.2 && event.done > 0 ? event.done / seconds : null;
      const secondsLeft = rate && event.total !== null ? Math.max(0, (event.total - event.done) / rate) : null;
      setProgress({ done: event.done, total: event.total, rate, secondsLeft });
    });
  }, [sessionId, phase, startedAt]);

  const restart = useCallback(() => {
    setStartedAt(Date.now());
    setProgress(idle);
  }, []);

  return { progress, restart };
}
