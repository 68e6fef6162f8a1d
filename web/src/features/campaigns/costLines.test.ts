import { describe, expect, it } from 'vitest';
import { parseCodeList } from './codeList.ts';
import { costInputs, costRowPaths, newCostRow } from './costLines.ts';

const row = (spentOn: string, amount: string, description = '') => ({ ...newCostRow('GBP', spentOn), amount, description });

describe('costInputs', () => {
  it('sends exact minor units in the locale’s style, skipping rows nobody typed in', () => {
    const rows = [row('2025-03-01', '1 234,50', ' Flyers '), newCostRow('GBP'), row('2025-03-02', '0.1')];
    expect(costInputs(rows, 2, 'ru')).toEqual({
      lines: [
        { spentOn: '2025-03-01', amountMinor: 123450, currency: 'GBP', description: 'Flyers' },
        { spentOn: '2025-03-02', amountMinor: 10, currency: 'GBP', description: null },
      ],
      issues: [],
    });
    expect([...costRowPaths(rows).values()]).toEqual([0, 1]);
  });

  it('names the fields that are missing or not an amount', () => {
    const { issues } = costInputs([row('', '12.345'), row('2025-01-01', '')], 2, 'en');
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['costs.0.amountMinor', 'invalid_number'],
      ['costs.0.spentOn', 'required'],
      ['costs.1.amountMinor', 'required'],
    ]);
  });
});

describe('parseCodeList', () => {
  it('splits on lines, commas, semicolons and spaces and keeps each code once', () => {
    expect(parseCodeList('SPRING-1\nspring-1, SPRING-2;  SPRING-3\r\n\n')).toEqual(['SPRING-1', 'SPRING-2', 'SPRING-3']);
    expect(parseCodeList('  ')).toEqual([]);
  });
});
