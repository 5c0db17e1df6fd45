import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes what French spreadsheets read: semicolons, decimal commas, quoted cells', () => {
    const csv = toCsv(
      ['Département', 'Part (%)', 'Note'],
      [
        ['31', 10.1, 'Haute-Garonne; "cumul"'],
        ['75', 16.4, null],
      ],
    );
    expect(csv).toBe(
      '\ufeffDépartement;Part (%);Note\r\n31;10,1;"Haute-Garonne; ""cumul"""\r\n75;16,4;\r\n',
    );
  });
});
