import { describe, expect, it } from 'vitest';
import { withoutWords } from '../../main/db/repositories/privacy';

describe('a file name without an erased person’s name', () => {
  it('cuts every name word out, whatever the case and ё, and keeps the extension', () => {
    expect(withoutWords('Королёва_Анна-2024.vcf', ['Королева', 'Анна'])).toBe('2024.vcf');
    expect(withoutWords('АННА КОРОЛЁВА.vcf', ['анна', 'королёва'])).toBe('….vcf');
    expect(withoutWords('clients (Anna).xlsx', ['Anna'])).toBe('clients.xlsx');
  });

  it('leaves a name without those words as it was, and ignores one-letter words', () => {
    expect(withoutWords('клиенты 2024.xlsx', ['Королёва', 'Анна'])).toBe('клиенты 2024.xlsx');
    expect(withoutWords('a.b.csv', ['a', ''])).toBe('a.b.csv');
    expect(withoutWords('Иванов', ['Иванов'])).toBe('…');
  });

  it('cuts whole words only: a name inside another word stays', () => {
    expect(withoutWords('clients_list_li.csv', ['li'])).toBe('clients list.csv');
    expect(withoutWords('Ивановка_Иванов.xlsx', ['Иванов'])).toBe('Ивановка.xlsx');
  });
});
