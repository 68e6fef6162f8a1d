import type { Writable } from 'node:stream';
import type { CampaignResponse, Pivot, ProfitReport } from '../../contracts/reports.ts';
import { createSheetWriter, type CellValue, type SheetColumn, type SheetFormat } from '../exports/sheet-writers.ts';
import { currencyExponent } from '../imports/number-values.ts';

const L = {
  en: {
    group: 'Group', period: 'Period', from: 'From', to: 'To', revenue: 'Revenue', profit: 'Profit', coverage: 'Sales with known cost, share', active: 'Active customers',
    orders: 'Orders', averageOrder: 'Average order', frequency: 'Orders per active customer', change: 'Change in revenue', total: 'Total',
    targeted: 'Targeted', responded: 'Responded', rate: 'Response rate', low: '95% CI low', high: '95% CI high', responderRevenue: "Responders' revenue",
    holdout: 'Holdout', holdoutRate: 'Holdout response rate',
    activeCustomers: 'Active customers',
  },
  ru: {
    group: 'Группа', period: 'Период', from: 'С', to: 'По', revenue: 'Выручка', profit: 'Прибыль', coverage: 'Доля продаж с известной себестоимостью', active: 'Активные клиенты',
    orders: 'Заказы', averageOrder: 'Средний чек', frequency: 'Заказов на активного клиента', change: 'Изменение выручки', total: 'Итого',
    targeted: 'В целевой группе', responded: 'Откликнулись', rate: 'Доля откликнувшихся', low: '95% ДИ, от', high: '95% ДИ, до', responderRevenue: 'Выручка откликнувшихся',
    holdout: 'Контрольная группа', holdoutRate: 'Отклик контрольной группы',
    activeCustomers: 'Активные клиенты',
  },
};
const labels = (locale: string) => (locale === 'ru' ? L.ru : L.en);

function money(currency: string) {
  const decimals = currencyExponent(currency);
  const unit = 10 ** decimals;
  return { column: (header: string): SheetColumn => ({ header: `${header}, ${currency}`, type: 'money', decimals }), value: (v: number | null): CellValue => (v === null ? null : v / unit) };
}

/** Profit by segment over time: a row per group and period, then each group's total and the total. */
export async function writeProfitSheet(report: ProfitReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labels(locale);
  const m = money(report.currency);
  const columns: SheetColumn[] = [
    { header: report.byLabel, type: 'text' }, { header: l.period, type: 'text' }, { header: l.from, type: 'text' }, { header: l.to, type: 'text' },
    m.column(l.revenue), m.column(l.profit), { header: l.coverage, type: 'number' }, { header: l.active, type: 'integer' }, { header: l.orders, type: 'integer' },
    m.column(l.averageOrder), { header: l.frequency, type: 'number' }, { header: l.change, type: 'number' },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Profit');
  for (const row of [...report.rows, report.total]) {
    for (const [i, cell] of row.cells.entries()) {
      const p = report.periods[i]!;
      await sheet.addRow([row.label, p.key, p.from, p.to, m.value(cell.revenue), m.value(cell.profit), cell.profitCoverage, cell.activeCustomers, cell.orders, m.value(cell.averageOrder), cell.frequency, cell.change.revenue]);
    }
    const t = row.total;
    await sheet.addRow([row.label, l.total, report.from, report.to, m.value(t.revenue), m.value(t.profit), t.profitCoverage, t.activeCustomers, t.orders, m.value(t.averageOrder), t.frequency, null]);
  }
  await sheet.end();
}

/** A pivot as it is shown: rows, columns, totals. */
export async function writePivotSheet(pivot: Pivot, rowsLabel: string, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labels(locale);
  const isMoney = pivot.value === 'revenue' || pivot.value === 'profit' || pivot.value === 'averageOrder';
  const m = money(pivot.currency);
  const valueColumn = (header: string): SheetColumn => (isMoney ? m.column(header) : { header, type: 'number' });
  const v = (x: number | null): CellValue => (isMoney ? m.value(x) : x);
  const columns: SheetColumn[] = [{ header: rowsLabel, type: 'text' }, ...pivot.columns.map((c) => valueColumn(c.label)), valueColumn(l.total)];
  const sheet = createSheetWriter(format, out, columns, 'Pivot');
  for (const [i, row] of pivot.rows.entries()) await sheet.addRow([row.label, ...pivot.cells[i]!.map(v), v(pivot.rowTotals[i]!)]);
  await sheet.addRow([l.total, ...pivot.columnTotals.map(v), v(pivot.total)]);
  await sheet.end();
}

/** Campaign response by segment: a row per group, then the total and the holdout. */
export async function writeResponseSheet(report: CampaignResponse, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = labels(locale);
  const m = money(report.currency);
  const columns: SheetColumn[] = [
    { header: l.group, type: 'text' }, { header: l.targeted, type: 'integer' }, { header: l.responded, type: 'integer' }, { header: l.rate, type: 'number' },
    { header: l.low, type: 'number' }, { header: l.high, type: 'number' }, m.column(l.responderRevenue), { header: l.holdoutRate, type: 'number' },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Response');
  for (const r of report.rows) await sheet.addRow([r.label, r.targeted, r.responded, r.rate, r.low, r.high, m.value(r.revenue), r.holdout?.rate ?? null]);
  const t = report.total;
  await sheet.addRow([l.total, t.targeted, t.responded, t.rate, t.low, t.high, m.value(t.revenue), report.holdout?.rate ?? null]);
  if (report.holdout) {
    const h = report.holdout;
    await sheet.addRow([l.holdout, h.targeted, h.responded, h.rate, h.low, h.high, m.value(h.revenue), null]);
  }
  await sheet.end();
}
