import { describe, expect, it } from 'vitest';
import { similarKeyClusters } from '../../main/services/duplicate-keys';

describe('similar name keys', () => {
  it('joins a name with the same name and a patronymic, not two different patronymics by themselves', () => {
    expect(similarKeyClusters(['петров олег', 'петров олег ильич', 'сидоров иван'])).toEqual([[0, 1]]);
    expect(similarKeyClusters(['петров олег ильич', 'петров олег сергеевич'])).toEqual([]);
  });

  it('without the typo pass, still joins the same name and the patronymic, and nothing a typo apart', () => {
    const keys = ['иванов иван', 'иванов иван', 'иванов иван петрович', 'иванова ивана'];
    expect(similarKeyClusters(keys, { typos: false })).toEqual([[0, 1, 2]]);
    expect(similarKeyClusters(keys)).toEqual([[0, 1, 2, 3]]);
  });
});
