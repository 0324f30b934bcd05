import { useEffect } from 'react';
import { ACTIVITY_REPORT_INTERVAL_MS } from '../../shared/constants';
import { call } from '../api/client';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;

/** Tells main the user is here, at most once per interval; main decides when to auto-lock. */
export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastReport = 0;
    const report = () => {
      const now = Date.now();
      if (now - lastReport < ACTIVITY_REPORT_INTERVAL_MS) return;
      lastReport = now;
      call('app:reportActivity', {}).catch(() => undefined);
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, report, { passive: true }));
    return () => ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, report));
  }, [enabled]);
}
