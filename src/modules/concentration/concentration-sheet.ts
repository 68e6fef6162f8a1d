import type { Writable } from 'node:stream';
import type { ConcentrationReport } from '../../contracts/concentration.ts';
import { createSheetWriter, type SheetColumn, type SheetFormat } from '../exports/sheet-writers.ts';
import { currencyExponent } from '../imports/number-values.ts';

const LABELS = {
  en: { group: 'Group', kind: 'Kind', organisation: 'Organisation', person: 'Person', members: 'Customers who bought', revenue: 'Revenue', share: 'Share' },
  ru: { group: 'Группа', kind: 'Тип', organisation: 'Организация', person: 'Человек', members: 'Купившие клиенты', revenue: 'Выручка', share: 'Доля' },
};

/** The period's groups as a spreadsheet, largest first: revenue as an amount, share as a fraction (names are neutralised by the writer). */
export async function writeConcentrationSheet(report: ConcentrationReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = locale === 'ru' ? LABELS.ru : LABELS.en;
  const decimals = currencyExponent(report.currency);
  const columns: SheetColumn[] = [
    { header: l.group, type: 'text' }, { header: l.kind, type: 'text' }, { header: l.members, type: 'integer' },
    { header: `${l.revenue}, ${report.currency}`, type: 'money', decimals }, { header: l.share, type: 'number' },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Concentration');
  for (const g of report.groups) await sheet.addRow([g.name, l[g.kind], g.members, g.revenue / 10 ** decimals, g.share]);
  await sheet.end();
}
