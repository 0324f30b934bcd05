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
    const same = { 'address.label': 'work', 'address.city': 'москва ' };
    expect(alignAddresses(home, same)).toBe(same);
    const ours = { id: 7, 'address.label': 'work', 'address.city': 'Казань' };
    expect(alignAddresses(home, ours)).toBe(ours);
  });

  it('leaves an address without a kind where the sheet put it, and a record without addresses as it is', () => {
    const plain = { 'address.city': 'Казань' };
    expect(alignAddresses(home, plain)).toBe(plain);
    const outlook = { 'address.label': 'work', 'address.city': 'Казань' };
    expect(alignAddresses({ lastName: 'Петров' }, outlook)).toBe(outlook);
  });
});
