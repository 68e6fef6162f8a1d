import { describe, expect, it } from 'vitest';
import { monthStarts, timeAxis, type AxisLabel, type TimeAxisInput } from './timeAxis.ts';

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const formats = {
  month: (date: string) => NAMES[Number(date.slice(5, 7)) - 1]!,
  day: (date: string) => `${Number(date.slice(8, 10))} ${NAMES[Number(date.slice(5, 7)) - 1]}`,
  year: (date: string) => date.slice(0, 4),
};
// About 6.5 pixels a character at 11px; the year row is bold.
const measure = (text: string, bold: boolean) => text.length * (bold ? 7 : 6.5);

function weeks(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => new Date(start + index * 7 * 86_400_000).toISOString().slice(0, 10));
}

function months(from: string, count: number): string[] {
  const [year, month] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + month - 1 + index;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
  });
}

function axis(dates: string[], unit: TimeAxisInput['unit'], width: number) {
  const left = 44;
  const right = width - 16;
  const x = (index: number) => left + (index / Math.max(dates.length - 1, 1)) * (right - left);
  return timeAxis({ dates, unit, x, left, right, formats, measure });
}

function touching(labels: readonly AxisLabel[], gap = 8): boolean {
  return labels.some((label, index) => index > 0 && label.x - label.width / 2 < labels[index - 1]!.x + labels[index - 1]!.width / 2 + gap);
}

describe('monthStarts', () => {
  it('marks the first week of each month, and the first week only if it opens its month', () => {
    expect(monthStarts(['2024-11-25', '2024-12-02', '2024-12-09', '2024-12-30', '2025-01-06'])).toEqual([1, 4]);
    expect(monthStarts(['2024-12-02', '2024-12-09'])).toEqual([0]);
  });
});

describe('timeAxis', () => {
  it('names the year under the first label and under each January on two years of weeks', () => {
    const { ticks, years } = axis(weeks('2024-11-25', 105), 'week', 1000);
    expect(years.map((year) => year.text)).toEqual(['2024', '2025', '2026']);
    const januaries = ticks.filter((tick) => tick.text === 'Jan').map((tick) => tick.x);
    expect(years.slice(1).map((year) => year.x)).toEqual(januaries);
    expect(ticks[0]!.text).toBe('Dec');
  });

  it('keeps labels apart and January among them at a narrow width', () => {
    for (const width of [320, 480, 720, 1200]) {
      const { ticks, years } = axis(weeks('2024-11-25', 105), 'week', width);
      expect(touching(ticks), `ticks at ${width}`).toBe(false);
      expect(touching(years), `years at ${width}`).toBe(false);
      expect(ticks.filter((tick) => tick.text === 'Jan')).toHaveLength(2);
      for (const label of [...ticks, ...years]) {
        expect(label.x - label.width / 2).toBeGreaterThanOrEqual(44);
        expect(label.x + label.width / 2).toBeLessThanOrEqual(width - 16);
      }
    }
  });

  it('drops the first year (and its months) rather than the new one when the two would touch', () => {
    const { ticks, years } = axis(weeks('2024-11-25', 105), 'week', 1000);
    expect(years.map((year) => year.text)).toEqual(['2024', '2025', '2026']);
    const narrow = axis(weeks('2024-12-02', 60), 'week', 600);
    expect(narrow.years.map((year) => year.text)).toEqual(['2025', '2026']);
    expect(narrow.ticks[0]!.text).toBe('Jan');
    expect(ticks[0]!.text).toBe('Dec');
  });

  it('labels a short span of weeks by day', () => {
    const { ticks, years } = axis(weeks('2025-12-15', 6), 'week', 720);
    expect(ticks[0]!.text).toBe('15 Dec');
    expect(ticks.map((tick) => tick.text)).toContain('5 Jan');
    expect(years.map((year) => year.text)).toEqual(['2025', '2026']);
  });

  it('labels every month when there is room, and always by month for monthly points', () => {
    expect(axis(months('2025-10', 4), 'month', 720).ticks.map((tick) => tick.text)).toEqual(['Oct', 'Nov', 'Dec', 'Jan']);
    expect(axis(months('2025-10', 1), 'month', 720).ticks.map((tick) => tick.text)).toEqual(['Oct']);
    const narrow = axis(months('2023-12', 36), 'month', 320);
    expect(touching(narrow.ticks)).toBe(false);
    // 7 pixels a month: every fourth month, counted from January.
    expect(new Set(narrow.ticks.map((tick) => tick.text))).toEqual(new Set(['Jan', 'May', 'Sep']));
  });
});
