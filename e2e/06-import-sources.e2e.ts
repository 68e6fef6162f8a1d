import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM } from './playwright.config.ts';
import { sessionApi } from './valueSeed.ts';
import { shot, signInInEnglish, watchFailures } from './walk.ts';

// Runs after 01-foundation (workspace and owner); the customers of 02–05 are there too.
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

/** Money as the web app writes it in English (Intl, as web/src/i18n/format.ts). */
const money = (minor: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
/** "59.00" → 5900. */
const minorOf = (text: string) => Math.round(Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.')) * 100);

// ── Shopify: the real header of an orders export, in its order. ──
const SHOPIFY_HEADER = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total',
  'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street', 'Billing Address1', 'Billing Address2', 'Billing Company',
  'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2',
  'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone', 'Notes', 'Note Attributes', 'Cancelled at',
  'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor', 'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source',
  'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name',
  'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References',
];
type ShopifyRow = Partial<Record<(typeof SHOPIFY_HEADER)[number], string>>;

/** An order's first row: the order's columns filled, as Shopify writes them. */
const orderRow = (values: ShopifyRow): ShopifyRow => ({
  'Paid at': values['Created at'], 'Fulfillment Status': 'fulfilled', 'Accepts Marketing': 'no', Currency: 'EUR', Taxes: '0.00', 'Discount Amount': '0.00',
  'Shipping Method': 'Standard', 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true', 'Lineitem fulfillment status': 'fulfilled', 'Billing Country': 'DE',
  'Shipping Country': 'DE', 'Payment Method': 'Shopify Payments', 'Outstanding Balance': '0.00', 'Risk Level': 'Low', Source: 'web', 'Refunded Amount': '0.00', ...values,
});
const SHOPIFY_ROWS: ShopifyRow[] = [
  orderRow({ Name: '#1001', Email: 'mara.quinn@example.com', 'Financial Status': 'paid', Subtotal: '54.00', Shipping: '5.00', Total: '59.00', 'Created at': '2024-03-05 10:15:00 +0100', 'Lineitem quantity': '2', 'Lineitem name': 'Coffee beans 1kg', 'Lineitem price': '12.00', 'Lineitem sku': 'BEANS-1', 'Billing Name': 'Mara Quinn', 'Shipping Name': 'Mara Quinn', Id: '5550001' }),
  // The order's second item: Shopify fills only the order's name, email, date and the item's columns.
  { Name: '#1001', Email: 'mara.quinn@example.com', 'Created at': '2024-03-05 10:15:00 +0100', 'Lineitem quantity': '1', 'Lineitem name': 'Ceramic mug', 'Lineitem price': '30.00', 'Lineitem sku': 'MUG-1', 'Lineitem requires shipping': 'true', 'Lineitem taxable': 'true', 'Lineitem fulfillment status': 'fulfilled' },
  orderRow({ Name: '#1002', Email: 'mara.quinn@example.com', 'Financial Status': 'refunded', Subtotal: '25.00', Shipping: '0.00', Total: '25.00', 'Created at': '2024-04-02 09:00:00 +0100', 'Lineitem quantity': '1', 'Lineitem name': 'Tea sampler', 'Lineitem price': '25.00', 'Billing Name': 'Mara Quinn', 'Refunded Amount': '25.00', Id: '5550002' }),
  orderRow({ Name: '#1003', Email: 'theo.park@example.com', 'Financial Status': 'partially_refunded', Subtotal: '70.00', Shipping: '10.00', Total: '80.00', 'Created at': '2024-04-10 14:30:00 +0100', 'Lineitem quantity': '1', 'Lineitem name': 'Burr grinder', 'Lineitem price': '70.00', 'Billing Name': 'Theo Park', 'Refunded Amount': '15.00', Id: '5550003' }),
  orderRow({ Name: '#1004', Email: 'theo.park@example.com', 'Financial Status': 'voided', Subtotal: '40.00', Shipping: '5.00', Total: '45.00', 'Created at': '2024-04-11 08:00:00 +0100', 'Lineitem quantity': '1', 'Lineitem name': 'Kettle', 'Lineitem price': '40.00', 'Billing Name': 'Theo Park', Id: '5550004' }),
];
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const SHOPIFY_CSV = `${[SHOPIFY_HEADER.join(','), ...SHOPIFY_ROWS.map((row) => SHOPIFY_HEADER.map((name) => csvCell(row[name] ?? '')).join(','))].join('\n')}\n`;

/** What Rapport should store for a Shopify order, from the rows written above: Total less Shipping, and Refunded Amount as a refund when refunded. */
function shopifyExpected(name: string) {
  const first = SHOPIFY_ROWS.find((row) => row.Name === name && row.Total !== undefined)!;
  const status = first['Financial Status']!;
  const sale = minorOf(first.Total!) - minorOf(first.Shipping ?? '0');
  const refund = status === 'refunded' || status === 'partially_refunded' ? minorOf(first['Refunded Amount'] ?? '0') || sale : null;
  const items = SHOPIFY_ROWS.filter((row) => row.Name === name).map((row) => row['Lineitem name']!);
  return { sale, refund, items, currency: first.Currency!, customer: first['Billing Name']! };
}

// ── 1C: «Реализация товаров и услуг» saved as CSV: windows-1251, «;», two title lines, Итого. ──
const NBSP = '\u00a0';
const ONEC_LINES = [
  'Реализация товаров и услуг;;;;;;;',
  'Период: 01.03.2024 - 31.03.2024;;;;;;;',
  'Дата;Номер;Контрагент;ИНН;Номенклатура;Количество;Цена;Сумма',
  `05.03.2024;ТД-0001;"ООО ""Ромашка""";7701234567;Бумага А4, 500 л.;10;1${NBSP}234,50;12${NBSP}345,00`,
  // The document's second line: Дата, Номер, Контрагент and ИНН only on its first row.
  ';;;;Ручки шариковые;50;12,30;615,00',
  `14.03.2024;ТД-0002;"ООО ""Лютик""";7809876543;Степлер;2;450,00;900,00`,
  `Итого;;;;;;;13${NBSP}860,00`,
];
/** The expected orders, from the lines above: a document's lines summed. */
const ONEC_ORDERS = {
  'ТД-0001': { customer: 'ООО "Ромашка"', amount: minorOf(`12${NBSP}345,00`) + minorOf('615,00'), items: ['Бумага А4, 500 л.', 'Ручки шариковые'] },
  'ТД-0002': { customer: 'ООО "Лютик"', amount: minorOf('900,00'), items: ['Степлер'] },
};

/** Text in windows-1251, from the decoder's own table (no iconv-lite in node_modules). */
function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const bytes = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) bytes.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      const byte = bytes.get(char);
      if (byte === undefined) throw new Error(`${char} has no windows-1251 byte`);
      return byte;
    }),
  );
}

// ── A till export whose email column has a name Rapport does not know. ──
const TILL = [
  'Дата;Документ;Покупатель;Товар;Сумма;E-адрес',
  '14.03.2024;Ч-101;Зоя Лебедева;Чай улун;150,00;zoya.lebedeva@example.ru',
  '15.03.2024;Ч-102;Зоя Лебедева;Кофе;420,00;zoya.lebedeva@example.ru',
  '16.03.2024;Ч-103;Пётр Осипов;Мёд;300,00;petr.osipov@example.ru',
].join('\n');

async function upload(page: Page, file: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
}

async function openProfile(page: Page, search: string, name: string) {
  await page.getByLabel('Search customers').fill(search);
  await expect(page.getByRole('option', { name, exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The import started from the check step, followed to its end on its own page. */
async function importAndWait(page: Page) {
  await page.getByRole('button', { name: 'Continue to check' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/\/import\/[\w-]+$/);
  await expect(page.getByText('Every row was imported.')).toBeVisible({ timeout: 30_000 });
}

test('a Shopify orders export: recognised, its orders previewed as stored, imported with its refunds', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const failures = watchFailures(page);
  const file = testInfo.outputPath('orders_export_1.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, SHOPIFY_CSV);
  const [first, refunded, partial] = [shopifyExpected('#1001'), shopifyExpected('#1002'), shopifyExpected('#1003')];

  await signInInEnglish(page);
  await upload(page, file);

  // Recognised from its header, read as Shopify writes it.
  await expect(page.getByRole('status').filter({ hasText: 'Detected: Shopify orders' })).toContainText('The amount is Total less Shipping');
  await expect(page.getByRole('combobox', { name: 'Read “Total” as' })).toHaveValue('Order total');
  await expect(page.getByRole('combobox', { name: 'Read “Shipping” as' })).toHaveValue('Shipping');
  await expect(page.getByRole('combobox', { name: 'Read “Refunded Amount” as' })).toHaveValue('Refunded amount');
  await expect(page.getByRole('combobox', { name: 'Read “Financial Status” as' })).toHaveValue('Status');
  const columns = page.getByRole('table', { name: 'Columns of the file' });
  await expect(columns.getByRole('row').filter({ hasText: 'Refunded Amount' }).getByText('from export')).toBeVisible();
  await expect(columns.getByText('How much of the order was refunded later: recorded as a refund after the sale')).toBeVisible();
  await expect(page.getByRole('list', { name: 'What Rapport is unsure of' })).toHaveCount(0);

  // The orders as they will be stored: two rows make #1001; the voided order is left out.
  const orders = page.getByRole('table', { name: 'First orders as they will be stored' });
  const order = (name: string) => orders.getByRole('row').filter({ hasText: name });
  await expect(order('#1001')).toContainText('2 items');
  await expect(order('#1001')).toContainText(first.items.join(', '));
  await expect(order('#1001')).toContainText(first.customer);
  await expect(order('#1001')).toContainText(money(first.sale, first.currency));
  await expect(order('#1001')).toContainText(`shipping ${money(500, 'EUR')} left out`);
  await expect(order('#1002')).toContainText(money(refunded.sale, refunded.currency));
  await expect(order('#1002')).toContainText(money(-refunded.refund!, refunded.currency));
  await expect(order('#1003')).toContainText(money(partial.sale, partial.currency));
  await expect(order('#1003')).toContainText(money(-partial.refund!, partial.currency));
  await expect(order('#1004')).toHaveCount(0);
  const leftOut = page.getByRole('region', { name: 'Left out — not imported, nothing to fix' });
  await expect(leftOut).toContainText('Row 6 — not a purchase: Financial Status is “voided”');
  // The rows as read are still there, the left-out one greyed with why.
  const rows = page.getByRole('table', { name: 'Preview of the first rows' });
  await expect(rows.getByRole('row').filter({ hasText: '#1001' })).toHaveCount(2);
  await expect(rows.getByRole('row').filter({ hasText: 'Left out: not a purchase: Financial Status is “voided”' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Continue to check' })).toBeEnabled();
  await shot(page, 'import-shopify-detected');

  // Imported: three sales, two refunds, two customers.
  await importAndWait(page);
  await expect(page.getByRole('group', { name: 'New purchases' })).toHaveText(/New purchases\s*5/);
  await expect(page.getByRole('group', { name: 'Refunds' })).toHaveText(/Refunds\s*2/);
  await expect(page.getByRole('group', { name: 'New customers' })).toHaveText(/New customers\s*2/);
  await expect(page.getByRole('button', { name: 'Undo this import' })).toBeVisible();
  await shot(page, 'import-shopify-result');

  // Mara: #1001 with its two items, #1002 sold and refunded in full.
  await openProfile(page, 'mara.quinn', first.customer);
  const purchases = page.getByRole('table', { name: 'Purchases and refunds' });
  const entry = (name: string, kind: 'Sale' | 'Refund') => purchases.getByRole('row').filter({ hasText: name }).filter({ hasText: kind });
  await expect(entry('#1001', 'Sale')).toContainText(money(first.sale, 'EUR'));
  await expect(entry('#1002', 'Sale')).toContainText(money(refunded.sale, 'EUR'));
  await expect(entry('#1002', 'Refund')).toContainText(money(-refunded.refund!, 'EUR'));
  await expect(purchases.getByRole('row').filter({ hasText: '#1004' })).toHaveCount(0);
  await entry('#1001', 'Sale').getByRole('button', { name: 'Show 2 items of order #1001' }).click();
  await expect(purchases.getByRole('table', { name: 'Items' })).toContainText(first.items[0]!);
  await expect(purchases.getByRole('table', { name: 'Items' })).toContainText(first.items[1]!);
  await expect(page.getByRole('group', { name: 'Totals' })).toContainText(money(first.sale + refunded.sale - refunded.refund!, 'EUR'));
  await shot(page, 'import-shopify-profile');

  // Theo: #1003 partly refunded; the voided #1004 is not a purchase.
  await openProfile(page, 'theo.park', partial.customer);
  await expect(entry('#1003', 'Sale')).toContainText(money(partial.sale, 'EUR'));
  await expect(entry('#1003', 'Refund')).toContainText(money(-partial.refund!, 'EUR'));
  await expect(purchases.getByRole('row').filter({ hasText: '#1004' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Totals' })).toContainText(money(partial.sale - partial.refund!, 'EUR'));

  // The same step in Russian.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();
  await page.goto('/import');
  await page.getByLabel('Файл', { exact: true }).setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Распознано: заказы Shopify' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Первые заказы так, как они будут сохранены' }).getByRole('row').filter({ hasText: '#1001' })).toContainText('2 позиции');
  await expect(page.getByRole('region', { name: 'Пропущено — не загружается, исправлять нечего' })).toContainText('Строка 6 — не покупка: Financial Status — «voided»');
  await shot(page, 'import-shopify-detected-ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(failures).toEqual([]);
});

test('a column Rapport is unsure of: asked, used with one click, imported, then the import undone', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const failures = watchFailures(page);
  const file = testInfo.outputPath('касса.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${TILL}\n`);

  await signInInEnglish(page);
  await upload(page, file);
  await expect(page.getByRole('combobox', { name: 'Read “Дата” as' })).toHaveValue('Date');

  // “E-адрес” names nothing Rapport knows, but its values are emails: a question, not applied.
  const question = page.getByRole('list', { name: 'What Rapport is unsure of' }).getByRole('listitem').filter({ hasText: '“E-адрес”: Customer email?' });
  await expect(question).toContainText('Its values look like it, but its name does not say so');
  await expect(page.getByRole('combobox', { name: 'Read “E-адрес” as' })).toHaveValue('Ignore');
  const orders = page.getByRole('table', { name: 'First orders as they will be stored' });
  await expect(orders.getByRole('row').filter({ hasText: 'Ч-101' })).toContainText('Unknown customer');
  await shot(page, 'import-question');

  // One click reads it as the email; the orders are read again with their customers.
  await question.getByRole('button', { name: 'Use this column' }).click();
  await expect(page.getByRole('combobox', { name: 'Read “E-адрес” as' })).toHaveValue('Customer email');
  await expect(question).toHaveText(/Used: “E-адрес” is read as Customer email\./);
  await expect(question).not.toContainText('does not read this column');
  await expect(question.getByRole('button', { name: 'Use this column' })).toHaveCount(0);
  await expect(orders.getByRole('row').filter({ hasText: 'Ч-101' })).toContainText('Зоя Лебедева');
  await expect(page.getByRole('button', { name: 'Continue to check' })).toBeEnabled();
  await shot(page, 'import-question-used');

  await importAndWait(page);
  const jobUrl = page.url();
  await openProfile(page, 'zoya.lebedeva', 'Зоя Лебедева');
  const purchases = page.getByRole('table', { name: 'Purchases and refunds' });
  await expect(purchases.getByRole('row').filter({ hasText: 'Ч-101' })).toContainText(/150[.,]00/);
  await expect(purchases.getByRole('row').filter({ hasText: 'Ч-102' })).toContainText(/420[.,]00/);

  // Undone: the modal says what will happen; then the outcome, and the badge.
  await page.goto(jobUrl);
  await page.getByRole('button', { name: 'Undo this import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo this import?' });
  await expect(dialog).toContainText('The purchases and refunds this import of касса.csv created are removed');
  await shot(page, 'import-undo-confirm');
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await expect(dialog).toBeHidden();
  const undone = page.getByRole('status').filter({ hasText: /^Undone / });
  await expect(undone).toContainText('3 purchases removed.');
  await expect(undone).toContainText('2 customers removed.');
  await expect(page.getByText('Undone', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo this import' })).toHaveCount(0);
  await shot(page, 'import-undone');
  // Come back later: still undone, no button.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^Undone / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo this import' })).toHaveCount(0);
  await page.getByLabel('Search customers').fill('zoya.lebedeva');
  await expect(page.getByRole('option', { name: /Зоя/ })).toHaveCount(0);
  expect(failures).toEqual([]);
});

test('a 1C export in windows-1251: recognised, title and totals rows left out, a two-line document, the counterparty’s orders', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const failures = watchFailures(page);
  const file = testInfo.outputPath('реализация.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, windows1251(`${ONEC_LINES.join('\r\n')}\r\n`));

  await signInInEnglish(page);
  const api = await sessionApi(page.request);
  const { baseCurrency } = await api.get<{ baseCurrency: string }>('/workspace');
  await upload(page, file);

  // Read as windows-1251 and «;», recognised as 1C.
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('Windows-1251 (Cyrillic)');
  await expect(page.getByRole('status').filter({ hasText: 'Detected: 1С: реализация товаров и услуг' })).toContainText('The customer is the counterparty’s ИНН');
  await expect(page.getByRole('combobox', { name: 'Read “ИНН” as' })).toHaveValue('Customer number');
  await expect(page.getByRole('combobox', { name: 'Read “Контрагент” as' })).toHaveValue('Customer name');
  await expect(page.getByRole('table', { name: 'First orders as they will be stored' })).toBeVisible();
  await shot(page, 'import-1c-preview');

  // The title lines and the Итого row are left out, not rejected.
  const leftOut = page.getByRole('region', { name: 'Left out — not imported, nothing to fix' });
  await expect(leftOut).toContainText('Row 1 — above the header: “Реализация товаров и услуг”');
  await expect(leftOut).toContainText('Row 2 — above the header: “Период: 01.03.2024 - 31.03.2024”');
  await expect(leftOut).toContainText('Row 7 — a totals row');

  // The two-line document is one order of two items, its sum with the thousands space and comma read.
  const orders = page.getByRole('table', { name: 'First orders as they will be stored' });
  for (const [number, expected] of Object.entries(ONEC_ORDERS)) {
    const row = orders.getByRole('row').filter({ hasText: number });
    await expect(row).toContainText(expected.customer);
    await expect(row).toContainText(money(expected.amount, baseCurrency));
    await expect(row).toContainText(expected.items.length === 1 ? '1 item' : `${expected.items.length} items`);
  }
  await expect(page.getByRole('table', { name: 'Preview of the first rows' })).not.toContainText('The date is empty');

  await importAndWait(page);
  await openProfile(page, 'Ромашка', ONEC_ORDERS['ТД-0001'].customer);
  const purchases = page.getByRole('table', { name: 'Purchases and refunds' });
  const document = purchases.getByRole('row').filter({ hasText: 'ТД-0001' });
  await expect(document).toContainText(money(ONEC_ORDERS['ТД-0001'].amount, baseCurrency));
  await document.getByRole('button', { name: 'Show 2 items of order ТД-0001' }).click();
  for (const item of ONEC_ORDERS['ТД-0001'].items) await expect(purchases.getByRole('table', { name: 'Items' })).toContainText(item);
  await expect(purchases.getByRole('row').filter({ hasText: 'ТД-0002' })).toHaveCount(0);

  // The wizard in Russian, for the file it is most likely to see.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();
  await page.goto('/import');
  await page.getByLabel('Файл', { exact: true }).setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Распознано: 1С: реализация товаров и услуг' })).toContainText('Клиент — ИНН контрагента');
  await expect(page.getByRole('region', { name: 'Пропущено — не загружается, исправлять нечего' })).toContainText('Строка 7 — строка итогов');
  await shot(page, 'import-1c-preview-ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(failures).toEqual([]);
});
