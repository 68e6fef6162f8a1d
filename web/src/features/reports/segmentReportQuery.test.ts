import { describe, expect, it } from 'vitest';
import { dimensionBase, dimensionSpec, pivotChoiceParams, profitChoiceParams, profitQuery, readDimension, readPivotChoice, readProfitChoice, segmentIds } from './segmentReportQuery.ts';

describe('dimension specs', () => {
  it('accepts known names, segment lists and attributes, and falls back otherwise', () => {
    expect(readDimension('tier', 'segment')).toBe('tier');
    expect(readDimension('segment:abc,d-1', 'tier')).toBe('segment:abc,d-1');
    expect(readDimension('attribute:shoe_size', 'tier')).toBe('attribute:shoe_size');
    expect(readDimension('segment:', 'tier')).toBe('tier');
    expect(readDimension('bogus', 'tier')).toBe('tier');
    expect(readDimension(null, 'none')).toBe('none');
  });

  it('splits a segment spec into base and ids and joins them back', () => {
    expect(dimensionBase('segment:a,b')).toBe('segment');
    expect(dimensionBase('attribute:x')).toBe('attribute:x');
    expect(segmentIds('segment:a,b')).toEqual(['a', 'b']);
    expect(segmentIds('segment')).toEqual([]);
    expect(dimensionSpec('segment', ['a', 'b'])).toBe('segment:a,b');
    expect(dimensionSpec('segment', [])).toBe('segment');
    expect(dimensionSpec('tier', ['a'])).toBe('tier');
  });
});

describe('the profit report in the address', () => {
  it('reads a shared link', () => {
    expect(readProfitChoice(new URLSearchParams('by=segment:s1&period=quarter'))).toEqual({ by: 'segment:s1', period: 'quarter', from: undefined, to: undefined, filter: undefined, measure: 'revenue' });
  });

  it('drops what is malformed', () => {
    const choice = readProfitChoice(new URLSearchParams('period=week&from=2026-1-1&to=2026-03-31&measure=orders&filter=%20'));
    expect(choice).toEqual({ by: 'segment', period: 'month', from: undefined, to: '2026-03-31', filter: undefined, measure: 'revenue' });
  });

  it('writes only what differs from the defaults, and reads it back the same', () => {
    const choice = { by: 'tier', period: 'year' as const, from: '2024-01-01', to: undefined, filter: 'tier = gold', measure: 'profit' as const };
    const params = profitChoiceParams(choice);
    expect(params).toEqual({ by: 'tier', period: 'year', from: '2024-01-01', filter: 'tier = gold', measure: 'profit' });
    expect(readProfitChoice(new URLSearchParams(params))).toEqual(choice);
    expect(profitChoiceParams({ ...choice, period: 'month', from: undefined, filter: undefined, measure: 'revenue' })).toEqual({ by: 'tier' });
  });

  it('asks the API without the chart measure', () => {
    expect(profitQuery({ by: 'tier', period: 'quarter', measure: 'frequency' })).toEqual({ by: 'tier', period: 'quarter' });
  });
});

describe('the pivot in the address', () => {
  it('has defaults and takes a period or a dimension for columns', () => {
    expect(readPivotChoice(new URLSearchParams(''))).toEqual({ rows: 'tier', columns: 'quarter', value: 'revenue', from: undefined, to: undefined, filter: undefined });
    expect(readPivotChoice(new URLSearchParams('rows=rfm&columns=channel&value=orders')).columns).toBe('channel');
    expect(readPivotChoice(new URLSearchParams('columns=year&value=nope')).value).toBe('revenue');
    expect(readPivotChoice(new URLSearchParams('columns=year')).columns).toBe('year');
  });

  it('round-trips', () => {
    const choice = { rows: 'segment:a', columns: 'month', value: 'profit' as const, from: '2026-01-01', to: '2026-06-30', filter: undefined };
    expect(readPivotChoice(new URLSearchParams(pivotChoiceParams(choice)))).toEqual(choice);
  });
});
