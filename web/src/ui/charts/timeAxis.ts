/** A label under the x-axis: its text, the x of its centre, and its width in pixels. */
export interface AxisLabel {
  text: string;
  x: number;
  width: number;
}

export interface TimeAxis {
  /** Months (or days, on a short span), spaced so that none touch. */
  ticks: AxisLabel[];
  /** The year under the first label and under the first label of each new year. */
  years: AxisLabel[];
}

export interface TimeAxisInput {
  /** "YYYY-MM-DD" of each point, in order: the first of each month for monthly points, the week's start for weekly ones. */
  dates: readonly string[];
  /** Monthly points are always labelled by month; weekly ones by day when fewer than three months begin in the span. */
  unit: 'month' | 'week';
  /** Where each point is drawn. */
  x: (index: number) => number;
  /** Labels stay between these. */
  left: number;
  right: number;
  formats: { month: (date: string) => string; day: (date: string) => string; year: (date: string) => string };
  /** The width of a text in pixels; `bold` for the year row. */
  measure: (text: string, bold: boolean) => number;
  /** The least space between two labels. */
  gap?: number;
}

/** Label steps in months that divide a year, so that every January is labelled and carries its year. */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12];

/**
 * The labels of a time axis: months aligned to the calendar (January always among them), or
 * days on a span too short for that, as many as fit without touching; the year beneath the
 * first label and each January, so that two years of history are never ambiguous.
 */
export function timeAxis({ dates, unit, x, left, right, formats, measure, gap = 8 }: TimeAxisInput): TimeAxis {
  const starts = unit === 'month' ? dates.map((_, index) => index) : monthStarts(dates);
  const byMonth = unit === 'month' || starts.length >= 3;
  const candidates = byMonth ? starts : dates.map((_, index) => index);
  const text = (index: number) => (byMonth ? formats.month(dates[index]!) : formats.day(dates[index]!));
  const widest = Math.max(0, ...candidates.map((index) => measure(text(index), false)));

  let chosen: number[];
  if (byMonth) {
    const monthWidth = pixelsPerMonth(candidates.map((index) => ({ date: dates[index]!, x: x(index) })));
    const step = MONTH_STEPS.find((months) => months * monthWidth >= widest + gap) ?? 12;
    chosen = candidates.filter((index) => (monthOf(dates[index]!) - 1) % step === 0);
  } else {
    const slot = dates.length > 1 ? (x(dates.length - 1) - x(0)) / (dates.length - 1) : Infinity;
    const every = Math.max(1, Math.ceil((widest + gap) / Math.max(slot, 1e-9)));
    chosen = candidates.filter((index) => index % every === 0);
  }

  const place = (label: string, index: number, bold: boolean): AxisLabel & { index: number } => {
    const width = measure(label, bold);
    return { text: label, width, index, x: clamp(x(index), left + width / 2, right - width / 2) };
  };
  const ticks = separate(chosen.map((index) => place(text(index), index, false)), gap);
  const years = ticks
    .filter((tick, position) => position === 0 || yearOf(dates[tick.index]!) !== yearOf(dates[ticks[position - 1]!.index]!))
    .map((tick) => place(formats.year(dates[tick.index]!), tick.index, true));
  // From the right: a new year's label wins over the first one when the two would touch, and
  // the months before it go too, so that every month shown has its year at or before it.
  const keptYears = separate(years.toReversed(), gap, true).toReversed();
  const firstDated = keptYears[0]?.index ?? 0;
  return { ticks: ticks.filter((tick) => tick.index >= firstDated).map(strip), years: keptYears.map(strip) };
}

/** Indexes of the points that begin a month: the first date in it, or the very first point if it falls in the month's first week. */
export function monthStarts(dates: readonly string[]): number[] {
  return dates.flatMap((date, index) => {
    const first = index === 0 ? Number(date.slice(8, 10)) <= 7 : date.slice(0, 7) !== dates[index - 1]!.slice(0, 7);
    return first ? [index] : [];
  });
}

/** Labels in order, without those that would touch the one kept before them. */
function separate<T extends AxisLabel>(labels: readonly T[], gap: number, backwards = false): T[] {
  const kept: T[] = [];
  for (const label of labels) {
    const previous = kept.at(-1);
    const apart = previous === undefined || (backwards ? previous.x - previous.width / 2 - (label.x + label.width / 2) : label.x - label.width / 2 - (previous.x + previous.width / 2)) >= gap;
    if (apart) kept.push(label);
  }
  return kept;
}

function pixelsPerMonth(points: readonly { date: string; x: number }[]): number {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || first === last) return Infinity;
  const months = (yearOf(last.date) - yearOf(first.date)) * 12 + monthOf(last.date) - monthOf(first.date);
  return months > 0 ? (last.x - first.x) / months : Infinity;
}

const strip = ({ text, x, width }: AxisLabel): AxisLabel => ({ text, x, width });
const clamp = (value: number, low: number, high: number) => (low > high ? (low + high) / 2 : Math.min(Math.max(value, low), high));
const yearOf = (date: string) => Number(date.slice(0, 4));
const monthOf = (date: string) => Number(date.slice(5, 7));
