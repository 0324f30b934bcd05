import type { TFunction } from 'i18next';

/** "12 s" or "3 min 5 s". */
export function formatDuration(seconds: number, t: TFunction): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return t('importWizard.run.seconds', { value: whole });
  return t('importWizard.run.minutes', { minutes: Math.floor(whole / 60), seconds: whole % 60 });
}

/** Seconds as "0.4 s" for short imports, rounded otherwise. */
export function formatElapsed(ms: number, t: TFunction, language: string): string {
  // A small file takes a few milliseconds: "0 s" would read as if nothing ran.
  if (ms < 100) {
    const value = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(0.1);
    return t('importWizard.run.underSeconds', { value });
  }
  if (ms < 10_000) {
    const value = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(ms / 1000);
    return t('importWizard.run.seconds', { value });
  }
  return formatDuration(ms / 1000, t);
}
