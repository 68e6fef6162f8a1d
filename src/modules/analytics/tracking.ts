import { expectedPurchases, expectedPurchasesOfNewCustomer, fitBgNbd, type BgNbdParams } from './bgnbd.ts';
import { MINIMUM_CUSTOMERS, MINIMUM_REPEAT_CUSTOMERS } from './predictions.ts';
import { dayToDate } from './repeat-summaries.ts';

/**
 * How well the model would have predicted: fitted on the history up to a calibration end,
 * its expected repeat purchases per week set against the actual ones, through a held-out
 * stretch it never saw (the tracking plot of Fader, Hardie & Lee).
 */
export interface Tracking {
  calibrationEnd: string;
  holdoutEnd: string;
  params: BgNbdParams;
  weeks: { weekStart: string; actual: number; expected: number }[];
  holdout: { customers: number; actual: number; predicted: number; meanAbsoluteError: number };
}

const MAX_WEEKS = 260;

/** Null when the history is too short for a held-out part, or the calibration fit fails. */
export function trackModel(customers: readonly { saleDays: readonly number[] }[], today: number): Tracking | null {
  const firsts = customers.filter((c) => c.saleDays.length > 0);
  if (firsts.length === 0) return null;
  const start = firsts.reduce((min, c) => Math.min(min, c.saleDays[0]!), Infinity);
  const spanWeeks = Math.floor((today - start) / 7);
  const holdoutWeeks = Math.min(39, Math.floor(spanWeeks / 3));
  if (holdoutWeeks < 4) return null;
  const calibrationEnd = today - holdoutWeeks * 7;
  const cohort = firsts.filter((c) => c.saleDays[0]! <= calibrationEnd);
  const summaries = cohort.map((c) => {
    const inside = c.saleDays.filter((d) => d <= calibrationEnd);
    return { x: inside.length - 1, tx: (inside.at(-1)! - inside[0]!) / 7, T: (calibrationEnd - inside[0]!) / 7 };
  });
  if (summaries.length < MINIMUM_CUSTOMERS || summaries.filter((s) => s.x > 0).length < MINIMUM_REPEAT_CUSTOMERS) return null;
  const fit = fitBgNbd(summaries);
  if (!fit.converged) return null;
  const params = fit.params;

  // Weekly actual repeat purchases, and expected ones from each birth day's cohort.
  // Whole weeks only, the last one ending today: a part-week would read as a sudden drop.
  const weekCount = Math.min(MAX_WEEKS, Math.floor((today - start + 1) / 7));
  const firstWeek = today - 7 * weekCount + 1;
  const actual = Array.from({ length: weekCount }, () => 0);
  const births = new Map<number, number>();
  for (const c of cohort) {
    births.set(c.saleDays[0]!, (births.get(c.saleDays[0]!) ?? 0) + 1);
    for (const d of c.saleDays.slice(1)) if (d >= firstWeek) actual[Math.floor((d - firstWeek) / 7)]!++;
  }
  const expected = Array.from({ length: weekCount }, () => 0);
  for (const [birth, n] of births) {
    let before = expectedPurchasesOfNewCustomer(params, Math.max(0, firstWeek - 1 - birth) / 7);
    for (let w = 0; w < weekCount; w++) {
      const end = Math.min(today, firstWeek + 7 * w + 6);
      const upTo = expectedPurchasesOfNewCustomer(params, Math.max(0, end - birth) / 7);
      expected[w]! += n * (upTo - before);
      before = upTo;
    }
  }

  let predictedTotal = 0;
  let actualTotal = 0;
  let absolute = 0;
  summaries.forEach((s, i) => {
    const predicted = expectedPurchases(params, s, holdoutWeeks);
    const real = cohort[i]!.saleDays.filter((d) => d > calibrationEnd && d <= today).length;
    predictedTotal += predicted;
    actualTotal += real;
    absolute += Math.abs(predicted - real);
  });
  return {
    calibrationEnd: dayToDate(calibrationEnd),
    holdoutEnd: dayToDate(today),
    params,
    weeks: actual.map((a, w) => ({ weekStart: dayToDate(firstWeek + 7 * w), actual: a, expected: Math.round(expected[w]! * 1000) / 1000 })),
    holdout: { customers: summaries.length, actual: actualTotal, predicted: Math.round(predictedTotal * 100) / 100, meanAbsoluteError: Math.round((absolute / summaries.length) * 1000) / 1000 },
  };
}
