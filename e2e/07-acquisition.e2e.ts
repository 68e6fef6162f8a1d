import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM } from './playwright.config.ts';
import { sessionApi } from './valueSeed.ts';
import { shot, signInInEnglish, watchFailures } from './walk.ts';

// Runs after 01-foundation (workspace and owner); the customers of 02–06 are there too, so the
// walk checks its own campaign's row and its own referrers, not the totals.
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

const CAMPAIGN = 'Spring flyers 2024';
const CODE = 'SPRING10';
const COST = { spentOn: '2024-03-01', amount: '120.00', what: 'Printing' };
const MAX_USES = 2;

/** A till's orders export with a coupon column; the code is written as customers typed it. */
const ORDERS = [
  { date: '2024-03-05', order: 'S-201', email: 'nora.fielding@example.com', name: 'Nora Fielding', amount: '80.00', code: CODE },
  { date: '2024-03-09', order: 'S-202', email: 'owen.hartley@example.com', name: 'Owen Hartley', amount: '45.50', code: 'spring10' },
  { date: '2024-03-20', order: 'S-203', email: 'nora.fielding@example.com', name: 'Nora Fielding', amount: '60.00', code: '' },
  { date: '2024-04-02', order: 'S-204', email: 'pia.lundgren@example.com', name: 'Pia Lundgren', amount: '30.00', code: CODE },
  { date: '2024-05-10', order: 'S-205', email: 'owen.hartley@example.com', name: 'Owen Hartley', amount: '25.00', code: '' },
];
const CSV = ['Date,Order number,Email,Name,Amount,Coupon code', ...ORDERS.map((o) => [o.date, o.order, o.email, o.name, o.amount, o.code].join(','))].join('\n');

const DAY = 86_400_000;
const minorOf = (text: string) => Math.round(Number(text) * 100);
const revenueOf = (name: string, withinDays = Infinity) => {
  const mine = ORDERS.filter((o) => o.name === name);
  const first = Date.parse(mine[0]!.date);
  return mine.filter((o) => Date.parse(o.date) - first < withinDays * DAY).reduce((sum, o) => sum + minorOf(o.amount), 0);
};

/**
 * What the reports must say, worked out here from the rows above: the code's uses in date order
 * (past MAX_USES flagged), each customer acquired on their first purchase and brought by the
 * campaign their first coded purchase names; ROI on revenue (no cost of goods), payback in the
 * first 30-day month where revenue reaches the cost.
 */
function expected() {
  const uses = ORDERS.filter((o) => o.code.toUpperCase() === CODE);
  const customers = [...new Set(uses.map((o) => o.name))];
  const revenue = customers.reduce((sum, name) => sum + revenueOf(name), 0);
  const revenue90 = customers.reduce((sum, name) => sum + revenueOf(name, 90), 0);
  const cost = minorOf(COST.amount);
  const firstMonth = customers.reduce((sum, name) => sum + revenueOf(name, 30), 0);
  return {
    customers: customers.length,
    flagged: uses.slice(MAX_USES).map((o) => o.name),
    revenue,
    revenue90,
    cost,
    roi: Math.round(((revenue - cost) / cost) * 10_000) / 10_000,
    paybackMonth: firstMonth >= cost ? 1 : null,
  };
}

async function openProfile(page: Page, search: string, name: string) {
  await page.getByLabel('Search customers').fill(search);
  await expect(page.getByRole('option', { name, exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function pick(page: Page, label: string, typed: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Downloads the report's XLSX from its page and reads it back: its header row and its rows. */
async function readXlsx(page: Page, file: string): Promise<{ header: string[]; rows: unknown[][] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export XLSX' }).click();
  await (await download).saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  return { header: values(1).map(String), rows: Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)) };
}

test('a campaign with a cost and a code, purchases carrying it imported, a referral chain, both profile bits, both reports and their XLSX', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  const failures = watchFailures(page);
  const want = expected();
  await signInInEnglish(page);
  const api = await sessionApi(page.request);
  const { baseCurrency } = await api.get<{ baseCurrency: string }>('/workspace');
  const sources = await api.get<{ items: { id: string; channel: string; name: string }[] }>('/sources');
  const flyer = sources.items.find((s) => s.name === 'Flyer' || s.name === 'Листовка')!;
  expect(flyer, 'the seeded Offline → Flyer source').toBeTruthy();
  const whole = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: baseCurrency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(Math.round(minor / 100));
  const exact = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: baseCurrency }).format(minor / 100);

  // The campaign: its source, dates, a cost line and a code that may be used twice.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const form = page.getByRole('dialog', { name: 'New campaign' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(CAMPAIGN);
  await pick(page, 'Source', flyer.name, flyer.name);
  await form.getByRole('textbox', { name: 'Starts' }).fill('2024-03-01');
  await form.getByRole('textbox', { name: 'Ends' }).fill('2024-04-30');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CAMPAIGN })).toBeVisible();

  const addCost = page.getByRole('form', { name: 'Add a cost line' });
  await addCost.getByLabel('Date').fill(COST.spentOn);
  await addCost.getByLabel('Amount').fill(COST.amount);
  await addCost.getByLabel('What for').fill(COST.what);
  await addCost.getByRole('button', { name: 'Add' }).click();
  const costs = page.getByRole('table', { name: 'Cost lines' });
  await expect(costs.getByRole('row').filter({ hasText: COST.what })).toContainText(exact(want.cost));

  await page.getByRole('button', { name: 'Add codes' }).click();
  const codes = page.getByRole('dialog', { name: 'Add coupon codes' });
  await codes.getByRole('textbox', { name: 'Code', exact: true }).fill(CODE);
  await codes.getByLabel('Valid from').fill('2024-03-01');
  await codes.getByLabel('Valid until').fill('2024-04-30');
  await codes.getByLabel('Uses allowed').fill(String(MAX_USES));
  await codes.getByRole('button', { name: 'Add code' }).click();
  await expect(codes).toBeHidden();
  await expect(page.getByText(CODE, { exact: true }).first()).toBeVisible();

  // The orders, imported: the code read from its column, matched whatever its case; the third use flagged.
  const file = testInfo.outputPath('orders.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${CSV}\n`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
  await expect(page.getByRole('combobox', { name: 'Read “Coupon code” as' })).toHaveValue(/Campaign/);
  await page.getByRole('button', { name: 'Continue to check' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Every row was imported.')).toBeVisible({ timeout: 30_000 });
  const redeemed = ORDERS.filter((o) => o.code).length;
  await expect(page.getByText(`${redeemed} purchases redeemed a coupon code`)).toBeVisible();
  await expect(page.getByText(`Flagged: ${want.flagged.length} past the code’s use limit`)).toBeVisible();
  await shot(page, 'import-codes-en');

  // The campaign's redemptions: the use past the limit is marked.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('link', { name: CAMPAIGN }).click();
  const redemptions = page.getByRole('table', { name: 'Redemptions' });
  for (const name of want.flagged) await expect(redemptions.getByRole('row').filter({ hasText: name })).toContainText('Over the limit');
  await expect(redemptions.getByRole('row').filter({ hasText: 'Over the limit' })).toHaveCount(want.flagged.length);
  await shot(page, 'campaign-en');

  // Referrals: Nora brought Owen (chosen on his profile); Owen brought Pia (by his referral code).
  await openProfile(page, 'owen.hartley', 'Owen Hartley');
  await page.getByRole('region', { name: 'Referrals' }).getByRole('button', { name: 'Add' }).click();
  const who = page.getByRole('dialog', { name: 'Who referred them' });
  await pick(page, 'The customer who referred them', 'Nora Field', 'Nora Fielding');
  await who.getByRole('button', { name: 'Save' }).click();
  await expect(who).toBeHidden();
  await page.getByRole('button', { name: 'Create referral code' }).click();
  const code = (await page.getByRole('region', { name: 'Referrals' }).locator('code').first().textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9-]{4,}$/);

  await openProfile(page, 'pia.lundgren', 'Pia Lundgren');
  await page.getByRole('region', { name: 'Referrals' }).getByRole('button', { name: 'Add' }).click();
  const byCode = page.getByRole('dialog', { name: 'Who referred them' });
  await byCode.getByText('Referral code', { exact: true }).click();
  await byCode.getByRole('textbox', { name: 'Referral code' }).fill(code.toLowerCase());
  await byCode.getByRole('button', { name: 'Save' }).click();
  await expect(byCode).toBeHidden();

  // Both bits known in Owen's header: where he came from (the code's campaign and its source) and who he brought.
  await openProfile(page, 'owen.hartley', 'Owen Hartley');
  const bits = page.getByRole('region', { name: 'The seven things to know' });
  await expect(bits.getByRole('link', { name: /^Where they came from: / })).toHaveAccessibleName(new RegExp(`^Where they came from: .*${flyer.name}`));
  await expect(bits.getByRole('link', { name: /^Who they brought: / })).toHaveAccessibleName(/Referred by Nora Fielding/);
  await expect(bits.getByRole('link', { name: /^Who they brought: / })).toHaveAccessibleName(/Referred 1 \(1 bought\)/);
  await shot(page, 'profile-acquisition-en');

  // The Sources report, all time: the campaign's row as worked out above.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: /^Sources/ }).first().click();
  await page.getByText('All time', { exact: true }).click();
  // Opened down to campaigns when there are few rows; else opened here.
  const expandAll = page.getByRole('button', { name: 'Expand all' });
  if (await expandAll.isVisible()) await expandAll.click();
  const table = page.getByRole('table', { name: 'By channel, source and campaign' });
  const row = table.getByRole('row').filter({ hasText: CAMPAIGN });
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toHaveText(String(want.customers));
  await expect(cells.nth(1)).toHaveText(String(want.customers));
  await expect(cells.nth(2)).toHaveText(whole(want.revenue90));
  await expect(cells.nth(4)).toHaveText(whole(want.revenue));
  await expect(cells.nth(7)).toHaveText(whole(want.cost));
  await expect(cells.nth(10)).toContainText(new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(want.roi));
  await expect(cells.nth(11)).toHaveText(`Month ${want.paybackMonth}`);
  await shot(page, 'report-sources-en');

  const sheet = await readXlsx(page, testInfo.outputPath('sources.xlsx'));
  const at = (name: string) => sheet.header.findIndex((h) => h === name || h === `${name}, ${baseCurrency}`);
  const line = sheet.rows.find((r) => r[at('Campaign')] === CAMPAIGN)!;
  expect(line, `a row for ${CAMPAIGN} in the XLSX`).toBeTruthy();
  expect(line[at('Level')]).toBe('campaign');
  expect(line[at('Customers acquired')]).toBe(want.customers);
  expect(line[at('Revenue, first 90 days')]).toBe(want.revenue90 / 100);
  expect(line[at('Revenue to date')]).toBe(want.revenue / 100);
  expect(line[at('Cost')]).toBe(want.cost / 100);
  expect(line[at('ROI')]).toBeCloseTo(want.roi, 4);
  expect(line[at('ROI on')]).toBe('revenue');
  expect(line[at('Payback month')]).toBe(want.paybackMonth);

  // Customers like these: the campaign's customers opened in the list with their value columns, saved as a view.
  await row.getByRole('link', { name: `Open these ${want.customers} customers in the list` }).click();
  await expect(page).toHaveURL(/\/customers\?/);
  const list = page.getByRole('table').first();
  const buyers = [...new Set(ORDERS.filter((o) => o.code).map((o) => o.name))];
  for (const name of buyers) await expect(list.getByRole('row').filter({ hasText: name })).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(buyers.length + 1);
  await expect(list.getByRole('columnheader', { name: /Lifetime revenue/ })).toBeVisible();
  // Most valuable first: Nora (two orders), then Owen, then Pia.
  const byValue = buyers.toSorted((a, b) => revenueOf(b) - revenueOf(a));
  await expect(list.getByRole('row').nth(1)).toContainText(byValue[0]!);
  await expect(list.getByRole('row').nth(1)).toContainText(exact(revenueOf(byValue[0]!)));
  await page.getByRole('button', { name: 'Saved view actions' }).click();
  await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  const save = page.getByRole('dialog', { name: 'Save view' });
  await save.getByRole('textbox', { name: 'View name' }).fill(`From ${CAMPAIGN}`);
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(save).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Saved view' }).or(page.getByRole('combobox', { name: 'Saved view' }))).toHaveValue(`From ${CAMPAIGN}`);
  await shot(page, 'customers-like-these-en');

  // The Referrals report: Nora's network is Owen and, through him, Pia.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: /^Referrals/ }).first().click();
  await page.getByText('All time', { exact: true }).click();
  const referrers = page.getByRole('table', { name: 'Referrers' });
  const nora = referrers.getByRole('row').filter({ hasText: 'Nora Fielding' });
  const owenRevenue = revenueOf('Owen Hartley');
  const piaRevenue = revenueOf('Pia Lundgren');
  await expect(nora).toContainText(exact(owenRevenue));
  await expect(nora).toContainText(exact(owenRevenue + piaRevenue));
  await expect(referrers.getByRole('row').filter({ hasText: 'Owen Hartley' })).toContainText(exact(piaRevenue));
  // Whom Nora referred, in the list.
  await nora.getByRole('link', { name: 'Open the 1 customer Nora Fielding referred' }).click();
  await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table').first().getByRole('row').nth(1)).toContainText('Owen Hartley');
  await page.goBack();
  await expect(referrers).toBeVisible();
  await shot(page, 'report-referrals-en');

  const leaderboard = await readXlsx(page, testInfo.outputPath('referrals.xlsx'));
  const col = (name: string) => leaderboard.header.findIndex((h) => h === name || h === `${name}, ${baseCurrency}`);
  const noraLine = leaderboard.rows.find((r) => r[col('Referrer')] === 'Nora Fielding')!;
  expect(noraLine[col('Referrals')]).toBe(1);
  expect(noraLine[col('Referrals who bought')]).toBe(1);
  expect(noraLine[col('Revenue of their direct referrals')]).toBe(owenRevenue / 100);
  expect(noraLine[col('Network revenue')]).toBe((owenRevenue + piaRevenue) / 100);
  expect(noraLine[col('Network size')]).toBe(2);
  expect(noraLine[col('Levels')]).toBe(2);

  // The same pages in Russian.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Рекомендации' })).toBeVisible();
  await page.getByText('Всё время', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'Рекомендатели' }).getByRole('row').filter({ hasText: 'Nora Fielding' })).toBeVisible();
  await shot(page, 'report-referrals-ru');
  await page.goto('/reports/sources');
  await page.getByText('Всё время', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'По каналам, источникам и кампаниям' }).getByRole('row').filter({ hasText: CAMPAIGN })).toBeVisible();
  await shot(page, 'report-sources-ru');
  await openProfileRu(page);
  await shot(page, 'profile-acquisition-ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(failures).toEqual([]);
});

async function openProfileRu(page: Page) {
  await page.getByLabel('Поиск клиентов').fill('owen.hartley');
  await expect(page.getByRole('option', { name: 'Owen Hartley', exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Owen Hartley' })).toBeVisible();
}
