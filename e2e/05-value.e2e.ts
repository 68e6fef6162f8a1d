import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM } from './playwright.config.ts';
import { lifetimeMinor, nameOf, recomputeAndWait, seedValueCustomers, sessionApi, VALUE_CUSTOMERS } from './valueSeed.ts';
import { shot, signInInEnglish, watchFailures } from './walk.ts';

// Runs after 01-foundation (workspace and owner); the customers of 02–04 are there too.
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

const SEGMENT_NAMES: Record<string, string> = {
  champions: 'Champions',
  loyal: 'Loyal',
  potential_loyalist: 'Potential loyalists',
  new: 'New',
  promising: 'Promising',
  need_attention: 'Need attention',
  about_to_sleep: 'About to sleep',
  at_risk: 'At risk',
  cant_lose: 'Can’t lose them',
  hibernating: 'Hibernating',
  lost: 'Lost',
};

test('customer value: dashboard, segments to the list, the profile, the model, settings', async ({ page }) => {
  test.setTimeout(180_000);
  const failures = watchFailures(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await signInInEnglish(page);

  // Twelve buyers through the API, then one computation.
  const api = await sessionApi(page.request);
  const { baseCurrency } = await api.get<{ baseCurrency: string }>('/workspace');
  const ids = await seedValueCustomers(api);
  await recomputeAndWait(api);
  const top = VALUE_CUSTOMERS[0]!;
  const money = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: baseCurrency }).format(minor / 100);

  // The dashboard: the top spender heads the gold list; the Pareto curve is drawn.
  await nav.getByRole('link', { name: 'Value' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer value' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Computed / })).toBeVisible();
  const gold = page.getByRole('table', { name: 'Gold customers' });
  await expect(gold.getByRole('row').nth(1)).toContainText(nameOf(top));
  await expect(page.getByRole('img', { name: 'Share of value by share of customers, most valuable first' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tiers' })).toContainText('Gold');
  // Twelve customers are far too few for the model: only rule-based numbers, and why.
  await expect(page.getByRole('note')).toContainText('No predictions yet');
  await expect(gold.getByRole('columnheader', { name: 'P(alive)' })).toHaveCount(0);
  await shot(page, 'value-dashboard-en');

  // Segments: the top spender's segment opens the customer list filtered to it.
  const values = new Map<string, string>();
  for (const [name, id] of ids) {
    const value = await api.get<{ rfm: { segment: string } | null }>(`/customers/${id}/value`);
    values.set(name, value.rfm?.segment ?? '');
  }
  const segment = values.get(nameOf(top))!;
  const outsider = [...values].find(([, other]) => other !== segment)![0];
  await page.getByRole('tab', { name: 'RFM segments' }).click();
  await expect(page).toHaveURL(/\/value\/segments$/);
  await expect(page.getByRole('table', { name: 'Recency × frequency and spend' })).toBeVisible();
  await shot(page, 'value-segments-en');
  await page.getByRole('link', { name: new RegExp(`^${SEGMENT_NAMES[segment]}: \\d+ customers?$`) }).click();
  await expect(page).toHaveURL(/\/customers\?.*rfmSegment/);
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(`RFM segment is ${SEGMENT_NAMES[segment]}`);
  const list = page.getByRole('table', { name: 'Customers' });
  await expect(list.getByRole('row', { name: nameOf(top) })).toBeVisible();
  await expect(list.getByRole('row', { name: outsider })).toHaveCount(0);
  await expect(list.getByRole('columnheader', { name: /Revenue, 365 days/ })).toBeVisible();

  // The list with the value columns, sorted by lifetime revenue from the column chooser.
  await page.goto('/customers?cols=name,tier,revenue365,revenueLifetime,purchases,rfmSegment,lapseState,daysSinceLastPurchase,valueRank&sort=revenueLifetime&order=desc');
  await expect(list.getByRole('row').nth(1)).toHaveAccessibleName(nameOf(top));
  await expect(list.getByRole('row', { name: nameOf(top) })).toContainText(money(lifetimeMinor(top)));
  await page.setViewportSize({ width: 1600, height: 900 });
  await shot(page, 'customers-value-columns-en');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'P(alive)' })).not.toBeChecked();
  await page.keyboard.press('Escape');

  // The profile: tier and value in the header, the figures in the value panel.
  await page.goto('/value');
  await gold.getByRole('link', { name: nameOf(top) }).click();
  await expect(page.getByRole('heading', { level: 1, name: nameOf(top) })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Gold tier' })).toContainText('Gold');
  await expect(page.getByRole('group', { name: 'Customer value', exact: true })).toContainText(money(lifetimeMinor(top)));
  const panel = page.getByRole('region', { name: 'Customer value' });
  await expect(panel.getByRole('group', { name: 'Lifetime revenue', exact: true })).toContainText(money(lifetimeMinor(top)));
  await expect(panel.getByRole('group', { name: 'Purchases', exact: true })).toContainText(String(top.purchases.length));
  await expect(panel).toContainText(`1 of `);
  await expect(panel).toContainText('There are too few customers with purchases');
  await page.mouse.move(0, 0); // no tooltip over the picture
  await shot(page, 'profile-value-en');
  const profileUrl = page.url();

  // The model: not available, with the reason and the minimums.
  await page.goto('/value/model');
  await expect(page.getByRole('note')).toContainText('There are too few customers with purchases to fit a prediction model reliably.');
  await expect(page.getByRole('note')).toContainText(/needs at least \d+ customers with purchases/);
  await shot(page, 'value-model-en');

  // Settings → Customer value: gold becomes the top 20%, saved and recomputed.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Customer value' }).click();
  const goldShare = page.getByRole('textbox', { name: 'Gold share' });
  await expect(goldShare).toHaveValue('10');
  await goldShare.fill('60');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('Enter a value from 1% to 50%')).toBeVisible();
  await goldShare.fill('20');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('Saved. The numbers are being recomputed.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Gold share' })).toHaveValue('20');
  expect((await api.get<{ goldShare: number }>('/analytics/settings')).goldShare).toBe(0.2);
  await recomputeAndWait(api);
  await page.goto('/value');
  await expect(page.getByText(/Gold is the top 20%/)).toBeVisible();

  // The same in Russian.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Ценность клиентов' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Золотые клиенты' })).toContainText(nameOf(top));
  await shot(page, 'value-dashboard-ru');
  await page.goto(profileUrl);
  await expect(page.getByRole('region', { name: 'Ценность клиента' })).toContainText('Выручка за всё время');
  await page.mouse.move(0, 0);
  await shot(page, 'profile-value-ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await expect(nav).toBeVisible();
  expect(failures).toEqual([]);
});
