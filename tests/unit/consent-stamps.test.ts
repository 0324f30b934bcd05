import { describe, expect, it } from 'vitest';
import { stampConsents } from '../../main/import/consent-stamps';

describe('consents an import decides', () => {
  const stamp = { at: '2026-11-24T10:00:00.000Z', source: 'отписки.xlsx' };
  const before = { contactConsent: true, contactConsentAt: '2024-03-01T10:00:00.000Z', contactConsentSource: 'Сайт' };

  it('dates a changed decision the file gives no date or source column for', () => {
    const row = { contactConsent: false };
    expect(stampConsents({ ...before, ...row }, row, before, stamp)).toEqual({
      contactConsent: false,
      contactConsentAt: stamp.at,
      contactConsentSource: stamp.source,
    });
  });

  it('keeps what the file says, an empty date column included, and a decision the record already has', () => {
    const dated = { contactConsent: false, contactConsentAt: '2026-01-01T00:00:00.000Z' };
    expect(stampConsents(dated, dated, before, stamp)).toEqual({ ...dated, contactConsentSource: stamp.source });
    const undated = { contactConsent: true, contactConsentAt: null, contactConsentSource: null };
    expect(stampConsents(undated, undated, null, stamp)).toEqual(undated);
    const same = { contactConsent: true };
    expect(stampConsents({ ...before }, same, before, stamp)).toEqual(before);
    expect(stampConsents({ city: 'Тверь' }, { city: 'Тверь' }, null, stamp)).toEqual({ city: 'Тверь' });
  });
});
