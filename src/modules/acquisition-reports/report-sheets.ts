import type { Writable } from 'node:stream';
import type { ReferralsReport, SourcesReport } from '../../contracts/acquisition-reports.ts';
import { currencyExponent } from '../imports/number-values.ts';
import { createSheetWriter, type CellValue, type SheetColumn, type SheetFormat } from '../exports/sheet-writers.ts';

type Labels = Record<string, string>;

const EN: Labels = {
  level: 'Level', channel: 'Channel', source: 'Source', campaign: 'Campaign', customers: 'Customers acquired', buyers: 'Bought',
  revenue90: 'Revenue, first 90 days', revenue365: 'Revenue, first 365 days', revenue: 'Revenue to date', profit90: 'Profit, first 90 days',
  profit365: 'Profit, first 365 days', profit: 'Profit to date', predicted12m: 'Predicted 12-month value', cost: 'Cost', costPerCustomer: 'Cost per customer',
  costPerBuyer: 'Cost per buying customer', roi: 'ROI', roiBasis: 'ROI on', paybackMonth: 'Payback month', valuePerCustomer: 'Revenue per customer',
  unknown: 'Unknown', total: 'All customers',
  referrer: 'Referrer', referrals: 'Referrals', refBuyers: 'Referrals who bought', directRevenue: 'Revenue of their direct referrals', networkRevenue: 'Network revenue',
  networkSize: 'Network size', depth: 'Levels', thanksOwed: 'Thanks owed',
};
const RU: Labels = {
  level: 'Уровень', channel: 'Канал', source: 'Источник', campaign: 'Кампания', customers: 'Привлечено клиентов', buyers: 'Купили',
  revenue90: 'Выручка, первые 90 дней', revenue365: 'Выручка, первые 365 дней', revenue: 'Выручка на сегодня', profit90: 'Прибыль, первые 90 дней',
  profit365: 'Прибыль, первые 365 дней', profit: 'Прибыль на сегодня', predicted12m: 'Прогноз на 12 месяцев', cost: 'Затраты', costPerCustomer: 'Затраты на клиента',
  costPerBuyer: 'Затраты на купившего', roi: 'ROI', roiBasis: 'ROI по', paybackMonth: 'Окупилось на месяц', valuePerCustomer: 'Выручка на клиента',
  unknown: 'Неизвестно', total: 'Все клиенты',
  referrer: 'Рекомендатель', referrals: 'Рекомендации', refBuyers: 'Рекомендованные, купившие', directRevenue: 'Выручка прямых рекомендованных', networkRevenue: 'Выручка сети',
  networkSize: 'Размер сети', depth: 'Уровней', thanksOwed: 'Ждут благодарности',
};
const labelsFor = (locale: string) => (locale === 'ru' ? RU : EN);

/** The Sources report as a spreadsheet, a row per total, channel, source and campaign; money as amounts. */
export async function writeSourcesSheet(report: SourcesReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labelsFor(locale);
  const decimals = currencyExponent(report.currency);
  const money = (header: string): SheetColumn => ({ header: `${header}, ${report.currency}`, type: 'money', decimals });
  const columns: SheetColumn[] = [
    { header: l.level!, type: 'text' }, { header: l.channel!, type: 'text' }, { header: l.source!, type: 'text' }, { header: l.campaign!, type: 'text' },
    { header: l.customers!, type: 'integer' }, { header: l.buyers!, type: 'integer' },
    money(l.revenue90!), money(l.revenue365!), money(l.revenue!), money(l.profit90!), money(l.profit365!), money(l.profit!), money(l.predicted12m!),
    money(l.cost!), money(l.costPerCustomer!), money(l.costPerBuyer!), { header: l.roi!, type: 'number' }, { header: l.roiBasis!, type: 'text' },
    { header: l.paybackMonth!, type: 'integer' },
  ];
  const unit = 10 ** decimals;
  const m = (v: number | null): CellValue => (v === null ? null : v / unit);
  const sheet = createSheetWriter(format, out, columns, 'Sources');
  for (const r of report.rows) {
    const unknown = r.level === 'source' && r.sourceId === null;
    await sheet.addRow([
      r.level, r.level === 'total' ? l.total! : (r.channel ?? l.unknown!), unknown ? l.unknown! : r.source, r.campaign, r.customers, r.buyers,
      m(r.revenue90), m(r.revenue365), m(r.revenue), m(r.profit90), m(r.profit365), m(r.profit), m(r.predicted12m), m(r.cost), m(r.costPerCustomer), m(r.costPerBuyer),
      r.roi, r.roiBasis, r.paybackMonth,
    ]);
  }
  await sheet.end();
}

/** The Referrals leaderboard as a spreadsheet. */
export async function writeReferralsSheet(report: ReferralsReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labelsFor(locale);
  const decimals = currencyExponent(report.currency);
  const unit = 10 ** decimals;
  const columns: SheetColumn[] = [
    { header: l.referrer!, type: 'text' }, { header: l.referrals!, type: 'integer' }, { header: l.refBuyers!, type: 'integer' },
    { header: `${l.directRevenue!}, ${report.currency}`, type: 'money', decimals }, { header: `${l.networkRevenue!}, ${report.currency}`, type: 'money', decimals },
    { header: l.networkSize!, type: 'integer' }, { header: l.depth!, type: 'integer' }, { header: l.thanksOwed!, type: 'integer' },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Referrals');
  for (const r of report.rows) await sheet.addRow([r.referrer, r.referrals, r.buyers, r.directRevenue / unit, r.networkRevenue / unit, r.networkSize, r.depth, r.thanksOwed]);
  await sheet.end();
}
