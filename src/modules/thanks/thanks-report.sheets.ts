import type { Writable } from 'node:stream';
import type { ThanksReport } from '../../contracts/thanks.ts';
import { createSheetWriter, type SheetColumn, type SheetFormat } from '../exports/sheet-writers.ts';
import { currencyExponent } from '../imports/number-values.ts';

const EN = {
  month: 'Month', kind: 'Kind', count: 'Thank-yous', cost: 'Cost',
  kinds: { note: 'Note', call: 'Call', email: 'Email', gift: 'Gift', coupon: 'Coupon', discount: 'Discount', gift_certificate: 'Gift certificate', tickets: 'Tickets', other: 'Other' },
};
const RU: typeof EN = {
  month: 'Месяц', kind: 'Вид', count: 'Благодарностей', cost: 'Стоимость',
  kinds: { note: 'Записка', call: 'Звонок', email: 'Письмо', gift: 'Подарок', coupon: 'Купон', discount: 'Скидка', gift_certificate: 'Подарочный сертификат', tickets: 'Билеты', other: 'Другое' },
};

/** A row per month and kind: how many thank-yous and what they cost in the base currency. */
export async function writeThanksSheet(report: ThanksReport, format: SheetFormat, locale: string, out: Writable): Promise<void> {
  const l = locale === 'ru' ? RU : EN;
  const decimals = currencyExponent(report.currency);
  const columns: SheetColumn[] = [
    { header: l.month, type: 'text' }, { header: l.kind, type: 'text' }, { header: l.count, type: 'integer' }, { header: `${l.cost}, ${report.currency}`, type: 'money', decimals },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Thank-yous');
  for (const m of report.months) {
    for (const k of m.kinds) await sheet.addRow([m.month, l.kinds[k.kind], k.count, k.costMinor / 10 ** decimals]);
  }
  await sheet.end();
}
