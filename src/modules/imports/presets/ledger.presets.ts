import type { SourcePreset } from './source-preset.ts';

/** Accounting registers and tills: 1C, a generic POS export. */

const ONEC_STATUSES = { Проведен: 'sale', 'Проведён': 'sale', Реализация: 'sale', 'Реализация товаров и услуг': 'sale', Продажа: 'sale', Возврат: 'refund', 'Возврат товаров от покупателя': 'refund', 'Не проведен': 'skip', 'Не проведён': 'skip', 'Помечен на удаление': 'skip' } as const;

export const ONEC_SALES_DOCUMENTS: SourcePreset = {
  id: '1c-sales-documents',
  system: '1С: реализация товаров и услуг',
  signature: ['Дата', 'Номер', 'Контрагент', 'ИНН', 'Номенклатура', 'Количество', 'Сумма'],
  mapping: {
    date: 'Дата', orderId: 'Номер', customerName: 'Контрагент', customerExternalId: 'ИНН', description: 'Номенклатура', productCode: 'Артикул', quantity: 'Количество', unitPrice: 'Цена', amount: 'Сумма', currency: 'Валюта', status: 'Вид операции',
  },
  required: ['date', 'orderId', 'customerExternalId', 'amount'],
  statuses: ONEC_STATUSES,
  read: { carryForward: true, dateFormat: 'dmy', decimal: ',' },
  returnsTitle: /^\s*возврат/iu,
  notes: 'A document per Номер, one row per nomenclature line (Дата, Номер and Контрагент may be on its first row only; a row without a Номер continues the document above it). The customer is the counterparty\'s ИНН; its name is Контрагент (ООО, ИП, АО… become organisations). dd.mm.yyyy dates, decimal comma, spaces as thousands separators; report titles above the header and the Итого row are skipped.',
};

export const ONEC_SALES_REGISTER: SourcePreset = {
  id: '1c-sales-register',
  system: '1С: продажи',
  signature: ['Период', 'Контрагент', 'Номенклатура', 'Количество', 'Выручка'],
  mapping: {
    date: 'Период', orderId: 'Регистратор', customerName: 'Контрагент', customerExternalId: 'ИНН', description: 'Номенклатура', quantity: 'Количество', amount: 'Выручка', cost: 'Себестоимость', currency: 'Валюта',
  },
  alternatives: { customerExternalId: ['Контрагент'], orderId: ['Документ'] },
  required: ['date', 'customerExternalId', 'amount'],
  statuses: ONEC_STATUSES,
  read: { carryForward: true, dateFormat: 'dmy', decimal: ',' },
  notes: 'The Продажи register report: a row per sale line with its Период, Контрагент, Номенклатура, Количество, Выручка and Себестоимость (the cost). Rows of one Регистратор (the document) are one sale. The customer is ИНН when the report has it, else the counterparty\'s name.',
};
