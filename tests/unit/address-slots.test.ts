import { describe, expect, it } from 'vitest';
import { alignAddresses } from '../../main/import/address-slots';

const home = { 'address.label': 'home', 'address.city': 'Москва', 'address.street': 'ул. Ленина, 1' };

describe('alignAddresses', () => {
  it('puts an address of another kind in a free slot, not over the record’s home address', () => {
    expect(alignAddresses(home, { 'address.label': 'work', 'address.city': 'Казань' })).toEqual({
      'address2.label': 'work',
      'address2.city': 'Казань',
    });
  });

  it('updates the address of the same kind wherever the record keeps it', () => {
    const record = { ...home, 'address2.label': 'work', 'address2.city': 'Тверь' };
    expect(
      alignAddresses(record, {
        lastName: 'Иванов',
        'address.label': 'work',
        'address.city': 'Казань',
        'address2.label': 'home',
        'address2.city': 'Москва',
      }),
    ).toEqual({
      lastName: 'Иванов',
      'address2.label': 'work',
      'address2.city': 'Казань',
      'address.label': 'home',
      'address.city': 'Москва',
    });
  });

  it('changes the kind of the very address the record has, and leaves the rows of our own workbooks as they are', () => {
    const same = { 'address.label': 'work', 'address.city': 'москва ', 'address.street': 'Ул. Ленина, 1' };
    expect(alignAddresses(home, same)).toEqual(same);
    // The same city alone is not the same address: the home one keeps its kind.
    expect(alignAddresses(home, { 'address.label': 'work', 'address.city': 'Москва' })).toEqual({
      'address2.label': 'work',
      'address2.city': 'Москва',
    });
    const ours = { id: 7, 'address.label': 'work', 'address.city': 'Казань' };
    expect(alignAddresses(home, ours)).toBe(ours);
  });

  it('drops the empty address groups of a row that names kinds, so they neither hold a slot nor clear one', () => {
    const record = { ...home, 'address2.label': 'work', 'address2.city': 'Тверь' };
    // Outlook: Business city given, Home and Other empty (their cells mapped, no kind read).
    const outlook = {
      'address.label': 'work',
      'address.city': 'Казань',
      'address2.city': null,
      'address3.city': null,
    };
    expect(alignAddresses(record, outlook)).toEqual({ 'address2.label': 'work', 'address2.city': 'Казань' });
  });

  it('leaves an address without a kind where the sheet put it, and a record without addresses as it is', () => {
    const plain = { 'address.city': 'Казань' };
    expect(alignAddresses(home, plain)).toBe(plain);
    const outlook = { 'address.label': 'work', 'address.city': 'Казань' };
    expect(alignAddresses({ lastName: 'Петров' }, outlook)).toEqual(outlook);
  });
});
