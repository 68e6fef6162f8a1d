import { describe, expect, it } from 'vitest';
import { describeFilterError, FilterSyntaxError, formatFilter, nearestName, parseFilter, type FilterNode, type FilterProblem } from './filter-syntax.ts';

/** The tree without positions: the shape a test can spell out. */
function shape(node: FilterNode | null): unknown {
  if (!node) return null;
  switch (node.type) {
    case 'and':
    case 'or':
      return { [node.type]: node.items.map(shape) };
    case 'not':
      return { not: shape(node.item) };
    case 'compare':
      return [node.field, node.op, value(node.value)];
    case 'in':
      return [node.field, node.negated ? 'not in' : 'in', node.values.map(value)];
    case 'set':
      return [node.field, node.negated ? 'is not set' : 'is set'];
    case 'call':
      return { call: node.name, args: Object.fromEntries(node.args.map((a) => [a.name, value(a.value)])) };
  }
}
function value(v: Extract<FilterNode, { type: 'compare' }>['value']): unknown {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return v.value;
    case 'date':
      return v.day;
    case 'bool':
      return v.value;
    case 'ago':
      return `${v.amount} ${v.unit} ago`;
    case 'duration':
      return `${v.amount} ${v.unit}`;
  }
}
function problem(text: string): FilterProblem {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error.problem;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe('parseFilter and formatFilter', () => {
  it.each([
    ['tier = gold', 'tier = gold'],
    ['  TIER=gold  AND city<>"Berlin"', 'TIER = gold and city != Berlin'],
    ['tier = gold и city = Москва или tag = Опт', '(tier = gold and city = Москва) or tag = Опт'],
    ['не (tier = gold или tier = silver)', 'not (tier = gold or tier = silver)'],
    ['a = 1 or (b = 2 or c = 3)', 'a = 1 or b = 2 or c = 3'],
    ['(a = 1 and b = 2) and c = 3', 'a = 1 and b = 2 and c = 3'],
    ['(a = 1 or b = 2) and c = 3', '(a = 1 or b = 2) and c = 3'],
    ['name ~ «Северная группа»', 'name contains "Северная группа"'],
    ["notes contains 'say \"hi\"'", 'notes contains "say \\"hi\\""'],
    ['city starts   with ber', 'city starts with ber'],
    ['tag not in (VIP, "Опт", "and")', 'tag not in (VIP, Опт, "and")'],
    ['email is empty', 'email is not set'],
    ['email is not empty', 'email is set'],
    ['last_purchase < 90 days ago and created >= 1 месяц назад', 'last_purchase < 90 days ago and created >= 1 month ago'],
    ['customer_since = сегодня', 'customer_since = today'],
    ['consent = да and lost = нет', 'consent = yes and lost = no'],
    ['birthday >= 1990-02-28', 'birthday >= 1990-02-28'],
    ['revenue_365d > 500.5', 'revenue_365d > 500.5'],
    ['bought(product: "ITEM-24", within: 180 days, times: 3)', 'bought(product: ITEM-24, within: 180 days, times: 3)'],
    ['bought()', 'bought()'],
    ['segment = "days"', 'segment = "days"'],
    ['', ''],
    ['   ', ''],
  ])('%s → %s', (input, expected) => {
    const text = formatFilter(parseFilter(input));
    expect(text).toBe(expected);
    // What it writes reads back as itself.
    expect(formatFilter(parseFilter(text))).toBe(text);
  });

  it('binds and tighter than or, and not to what follows it', () => {
    expect(shape(parseFilter('a = 1 or b = 2 and c = 3'))).toEqual({ or: [['a', '=', 1], { and: [['b', '=', 2], ['c', '=', 3]] }] });
    expect(shape(parseFilter('a = 1 and b = 2 or c = 3'))).toEqual({ or: [{ and: [['a', '=', 1], ['b', '=', 2]] }, ['c', '=', 3]] });
    expect(shape(parseFilter('not a = 1 and b = 2'))).toEqual({ and: [{ not: ['a', '=', 1] }, ['b', '=', 2]] });
    expect(shape(parseFilter('not (a = 1 and b = 2)'))).toEqual({ not: { and: [['a', '=', 1], ['b', '=', 2]] } });
    expect(shape(parseFilter('a = 1 or not b = 2 or c is set'))).toEqual({ or: [['a', '=', 1], { not: ['b', '=', 2] }, ['c', 'is set']] });
    expect(shape(parseFilter('not not a = 1'))).toEqual({ not: { not: ['a', '=', 1] } });
    expect(shape(parseFilter('(a = 1 or b = 2) and (c = 3 or d not in (x, y))'))).toEqual({ and: [{ or: [['a', '=', 1], ['b', '=', 2]] }, { or: [['c', '=', 3], ['d', 'not in', ['x', 'y']]] }] });
    // Written back, an and inside an or gets brackets it did not need: the same tree, plainer to read.
    expect(formatFilter(parseFilter('a = 1 or b = 2 and c = 3'))).toBe('a = 1 or (b = 2 and c = 3)');
    expect(shape(parseFilter('a = 1 or (b = 2 and c = 3)'))).toEqual(shape(parseFilter('a = 1 or b = 2 and c = 3')));
    expect(formatFilter(parseFilter('(a = 1 or b = 2) and not (c = 3 or d = 4)'))).toBe('(a = 1 or b = 2) and not (c = 3 or d = 4)');
  });

  it('reads values by their kind', () => {
    expect(parseFilter('x = 2026-03-01')).toMatchObject({ value: { kind: 'date', day: '2026-03-01', at: 4 } });
    expect(parseFilter('x = -5')).toMatchObject({ value: { kind: 'number', value: -5 } });
    expect(parseFilter('x = ITEM-24')).toMatchObject({ value: { kind: 'text', text: 'ITEM-24', quoted: false } });
    expect(parseFilter('x = 3 weeks ago')).toMatchObject({ value: { kind: 'ago', amount: 3, unit: 'week' } });
    expect(parseFilter('x = 2 года назад')).toMatchObject({ value: { kind: 'ago', amount: 2, unit: 'year' } });
    expect(parseFilter('x = "a\\\\b"')).toMatchObject({ value: { kind: 'text', text: 'a\\b', quoted: true } });
    expect(parseFilter('bought(within: 6 months)')).toMatchObject({ type: 'call', name: 'bought', args: [{ name: 'within', value: { kind: 'duration', amount: 6, unit: 'month' } }] });
  });

  it('says where it went wrong', () => {
    expect(problem('tier = "gold')).toEqual({ code: 'unclosed_string', at: 7 });
    expect(problem('tier = gold gold')).toMatchObject({ code: 'unexpected', at: 12, found: 'gold', expected: ['operator', 'end'] });
    expect(problem('tier = ')).toMatchObject({ code: 'unexpected', at: 7, found: '', expected: ['value'] });
    expect(problem('tier = gold and')).toMatchObject({ code: 'unexpected', at: 15, expected: ['field', 'open'] });
    expect(problem('x = 2027-02-30')).toEqual({ code: 'bad_date', at: 4, value: '2027-02-30' });
    expect(problem('x = 5 days')).toMatchObject({ code: 'unexpected', expected: ['ago'] });
    expect(problem(`${'('.repeat(13)}a = 1${')'.repeat(13)}`)).toMatchObject({ code: 'too_deep', limit: 12 });
    expect(problem('x'.repeat(4001))).toMatchObject({ code: 'too_long', limit: 4000 });
    expect(problem(Array.from({ length: 61 }, () => 'a = 1').join(' or '))).toMatchObject({ code: 'too_many', limit: 60 });
    expect(() => parseFilter(Array.from({ length: 60 }, () => 'a = 1').join(' or '))).not.toThrow();
    expect(() => parseFilter(`${'('.repeat(12)}a = 1${')'.repeat(12)}`)).not.toThrow();
  });

  it('describes problems in English and Russian with the position from 1', () => {
    expect(describeFilterError({ code: 'unknown_field', at: 0, field: 'tierr', suggestion: 'tier' }, 'en')).toBe('At character 1: there is no field "tierr". Did you mean "tier"?');
    expect(describeFilterError({ code: 'unknown_field', at: 0, field: 'tierr', suggestion: 'tier' }, 'ru')).toBe('Позиция 1: нет поля «tierr». Может быть, «tier»?');
    expect(describeFilterError({ code: 'unexpected', at: 4, found: '', expected: ['value'] }, 'en')).toBe('At character 5: the filter ends where a value was expected.');
    expect(describeFilterError({ code: 'too_long', at: 4000, limit: 4000 }, 'ru')).toBe('Фильтр длиннее 4000 символов.');
  });

  it('suggests the nearest name, and none when nothing is near', () => {
    expect(nearestName('tierr', ['tier', 'city', 'tag'])).toBe('tier');
    expect(nearestName('revenue_356d', ['revenue_365d', 'revenue_30d'])).toBe('revenue_365d');
    expect(nearestName('zzzzzz', ['tier', 'city'])).toBeNull();
  });
});
