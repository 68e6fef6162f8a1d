import type { Writable } from 'node:stream';
import type { ExitReport, ReasonsReport } from '../../contracts/reasons.ts';
import { createSheetWriter, type SheetColumn, type SheetFormat } from '../exports/sheet-writers.ts';
import { currencyExponent } from '../imports/number-values.ts';

const EN = {
  reason: 'Reason', customers: 'Customers', share: 'Share', gold: 'Gold', silver: 'Silver', other: 'Other', goldShare: 'Share of gold', restShare: 'Share of the rest',
  lost: 'Marked lost', value365: 'Value lost (revenue, trailing 365 days)', valueLifetime: 'Value lost (lifetime revenue)', segment: 'Segment', month: 'Month',
};
const RU: typeof EN = {
  reason: 'Причина', customers: 'Клиентов', share: 'Доля', gold: 'Золото', silver: 'Серебро', other: 'Остальные', goldShare: 'Доля среди золотых', restShare: 'Доля среди остальных',
  lost: 'Отмечены ушедшими', value365: 'Потеряно (выручка за 365 дней)', valueLifetime: 'Потеряно (выручка за всё время)', segment: 'Сегмент', month: 'Месяц',
};
const labelsFor = (locale: string) => (locale === 'ru' ? RU : EN);

/** Why they choose us: a row per reason — counts by tier and shares, then a column per month. */
export async function writeReasonsSheet(report: ReasonsReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labelsFor(locale);
  const columns: SheetColumn[] = [
    { header: l.reason, type: 'text' }, { header: l.customers, type: 'integer' }, { header: l.share, type: 'number' },
    { header: l.gold, type: 'integer' }, { header: l.silver, type: 'integer' }, { header: l.other, type: 'integer' },
    { header: l.goldShare, type: 'number' }, { header: l.restShare, type: 'number' },
    ...report.months.map((m): SheetColumn => ({ header: m, type: 'integer' })),
  ];
  const rest = report.tierCustomers.silver + report.tierCustomers.other;
  const sheet = createSheetWriter(format, out, columns, 'Reasons');
  for (const r of report.rows) {
    await sheet.addRow([
      r.reason, r.customers, round(r.share), r.byTier.gold, r.byTier.silver, r.byTier.other, round(r.tierShare.gold),
      round(rest > 0 ? (r.byTier.silver + r.byTier.other) / rest : 0), ...report.months.map((m) => r.byMonth[m] ?? 0),
    ]);
  }
  await sheet.end();
}

/** Why they left: a row per exit reason — customers by tier, marked lost, value lost, then months. */
export async function writeExitSheet(report: ExitReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labelsFor(locale);
  const decimals = currencyExponent(report.currency);
  const unit = 10 ** decimals;
  const columns: SheetColumn[] = [
    { header: l.reason, type: 'text' }, { header: l.customers, type: 'integer' }, { header: l.share, type: 'number' }, { header: l.lost, type: 'integer' },
    { header: l.gold, type: 'integer' }, { header: l.silver, type: 'integer' }, { header: l.other, type: 'integer' },
    { header: `${l.value365}, ${report.currency}`, type: 'money', decimals }, { header: `${l.valueLifetime}, ${report.currency}`, type: 'money', decimals },
    ...report.months.map((m): SheetColumn => ({ header: m, type: 'integer' })),
  ];
  const sheet = createSheetWriter(format, out, columns, 'Exit reasons');
  for (const r of report.rows) {
    await sheet.addRow([
      r.reason, r.customers, round(r.share), r.lost, r.byTier.gold, r.byTier.silver, r.byTier.other, r.valueLost365 / unit, r.valueLostLifetime / unit,
      ...report.months.map((m) => r.byMonth[m] ?? 0),
    ]);
  }
  await sheet.end();
}

const round = (share: number) => Math.round(share * 10_000) / 10_000;
