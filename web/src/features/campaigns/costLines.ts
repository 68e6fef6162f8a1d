import type { FieldIssue } from '@contracts/common.ts';
import type { CostLineInput } from '../../api/campaignsApi.ts';
import { toMinorUnits } from '../purchases/money.ts';

/** A cost line as typed: the amount is text until it is sent. */
export interface CostRow {
  key: string;
  spentOn: string;
  amount: string;
  currency: string;
  description: string;
}

let next = 0;
export function newCostRow(currency: string, spentOn = ''): CostRow {
  next += 1;
  return { key: `cost-${next}`, spentOn, amount: '', currency, description: '' };
}

/** A row nobody has typed in: left out rather than refused. */
export const isBlankRow = (row: CostRow) => row.spentOn === '' && row.amount.trim() === '' && row.description.trim() === '';

/**
 * The rows as the server takes them (exact minor units, never through floats), or the
 * problems by field path (`costs.1.amountMinor`) when an amount is not an amount.
 */
export function costInputs(rows: readonly CostRow[], fractionDigits: number, locale: string): { lines: CostLineInput[]; issues: FieldIssue[] } {
  const lines: CostLineInput[] = [];
  const issues: FieldIssue[] = [];
  rows.filter((row) => !isBlankRow(row)).forEach((row, index) => {
    const amountMinor = toMinorUnits(row.amount, fractionDigits, locale);
    if (amountMinor === null) issues.push({ path: `costs.${index}.amountMinor`, code: row.amount.trim() === '' ? 'required' : 'invalid_number', message: 'Not an amount' });
    if (row.spentOn === '') issues.push({ path: `costs.${index}.spentOn`, code: 'required', message: 'Required' });
    const description = row.description.trim();
    lines.push({ spentOn: row.spentOn, amountMinor: amountMinor ?? 0, currency: row.currency, description: description === '' ? null : description });
  });
  return { lines, issues };
}

/** Field paths of the rows, as costInputs numbers them (blank rows skipped). */
export function costRowPaths(rows: readonly CostRow[]): Map<string, number> {
  const paths = new Map<string, number>();
  rows.filter((row) => !isBlankRow(row)).forEach((row, index) => paths.set(row.key, index));
  return paths;
}
