import { describe, expect, it } from 'vitest';
import { linesSummary, questionAnswered, questionKind, skippedReason } from './sourceModel.ts';

describe('skippedReason', () => {
  it('says the server’s reasons in the catalogue’s words', () => {
    expect(skippedReason('above the header: "Реализация товаров и услуг"')).toEqual({ key: 'imports.skipped.above', vars: { text: 'Реализация товаров и услуг' } });
    expect(skippedReason('not a purchase: Financial Status "voided"')).toEqual({ key: 'imports.skipped.notPurchase', vars: { column: 'Financial Status', value: 'voided' } });
    expect(skippedReason('a totals row')).toEqual({ key: 'imports.skipped.totals' });
  });

  it('keeps reasons it does not know as the server wrote them', () => {
    expect(skippedReason('a blank line')).toEqual({ text: 'a blank line' });
  });
});

describe('questions', () => {
  it('tell a column proposed by its values from one whose values do not fit its name', () => {
    expect(questionKind({ message: '"E-адрес" looks like customerEmail by its values (not by its name): not used unless you map it' })).toBe('values');
    expect(questionKind({ message: '"Status" sounds like customerExternalId, but its values are statuses ("paid"): not used; map it yourself if it is' })).toBe('header');
  });

  it('are answered when the mapping reads the column as the field', () => {
    const question = { field: 'customerEmail', column: 'E-адрес' } as const;
    expect(questionAnswered(question, {})).toBe(false);
    expect(questionAnswered(question, { customerEmail: 'Почта' })).toBe(false);
    expect(questionAnswered(question, { customerEmail: 'E-адрес' })).toBe(true);
  });
});

const line = (description: string | null) => ({ description, quantity: '1', amountMinor: 100 });

describe('linesSummary', () => {
  it('names the first lines and counts the rest', () => {
    expect(linesSummary([line('Coffee beans'), line('Mug'), line('Kettle')])).toEqual({ count: 3, names: ['Coffee beans', 'Mug'], more: 1 });
    expect(linesSummary([line(null), line('Mug')])).toEqual({ count: 2, names: ['Mug'], more: 1 });
    expect(linesSummary([])).toEqual({ count: 0, names: [], more: 0 });
  });
});
