import { describe, expect, it } from 'vitest';
import { contactErrors, invalidContact } from '../../renderer/features/records/contact-form';

const entries = (...values: string[]) => values.map((value) => ({ value, label: 'mobile' }));

describe('the contacts a form checks before sending', () => {
  it('says which phone has no digits and which e-mail is no address, by row; empty rows are not sent', () => {
    const errors = contactErrors({
      phones: entries('8 916 123-45-67', 'позвонить вечером', ''),
      emails: entries('ivan@почта.рф', 'ivan@', '  '),
    });
    expect(errors).toEqual({
      phones: { 1: 'records.form.invalidPhone' },
      emails: { 1: 'records.form.invalidEmail' },
    });
  });

  it('gives the first error, phones first, or none', () => {
    expect(invalidContact({ phones: entries('нет'), emails: entries('x') })).toBe('records.form.invalidPhone');
    expect(invalidContact({ phones: entries('+7 916'), emails: entries('x') })).toBe('records.form.invalidEmail');
    expect(invalidContact({ phones: entries('+7 916'), emails: entries('a@b.ru') })).toBeNull();
  });
});
