import type { Measure } from '@contracts/reports.ts';
import type { TFunction } from '../../i18n/i18nContext.ts';

/** Who a figure is about: customers of one group, of a row and a column (a pivot), or everyone. */
export type Who = { group: string } | { row: string; column: string } | 'all';
/** Over which days: one period (its label) or a range of days (already formatted). */
export type When = { period: string } | { from: string; to: string };

export interface SentenceFacts {
  measure: Measure;
  who: Who;
  when: When;
  currency: string;
  /** The profit report knows how much of the sales has a known cost (0–1); the pivot does not. */
  coverage?: number | undefined;
  /** The coverage formatted ("62%"). */
  coverageText?: string | undefined;
  /** Whether the figure is empty (no cost known, no sales). */
  empty?: boolean;
}

/** One sentence for a figure's tooltip: what it is, over which customers and days, and how it is computed. */
export function figureSentence(t: TFunction, facts: SentenceFacts): string {
  const who = facts.who === 'all' ? t('segmentReports.who.all') : 'group' in facts.who ? t('segmentReports.who.group', { group: facts.who.group }) : t('segmentReports.who.pair', { row: facts.who.row, column: facts.who.column });
  const when = 'period' in facts.when ? t('segmentReports.when.period', { period: facts.when.period }) : t('segmentReports.when.range', { from: facts.when.from, to: facts.when.to });
  return t('segmentReports.sentence', { measure: t(`segmentReports.measures.${facts.measure}`), who, when, how: how(t, facts) });
}

function how(t: TFunction, facts: SentenceFacts): string {
  if (facts.measure === 'profit') {
    if (facts.empty) return t('segmentReports.how.profitUnknown');
    if (facts.coverageText !== undefined) return t('segmentReports.how.profitCoverage', { currency: facts.currency, coverage: facts.coverageText });
  }
  if (facts.empty && (facts.measure === 'averageOrder' || facts.measure === 'frequency')) return t('segmentReports.how.noSales');
  return t(`segmentReports.how.${facts.measure}`, { currency: facts.currency });
}

/** The tooltip of a change: against which period, or why there is none. */
export function changeSentence(t: TFunction, { measure, change, previous }: { measure: Measure; change: string | null; previous: string }): string {
  const name = t(`segmentReports.measures.${measure}`);
  return change === null ? t('segmentReports.change.none', { measure: name.toLocaleLowerCase(), previous }) : t('segmentReports.change.against', { measure: name, change, previous });
}
