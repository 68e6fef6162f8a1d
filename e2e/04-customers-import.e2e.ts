import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROMIUM } from './playwright.config.ts';
import { shot, signInInEnglish, watchFailures } from './walk.ts';

// Runs after 01-foundation (workspace and owner), 02-customers and 03-import.
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

// A contact list in Russian: semicolons, tags separated by commas; row 3 has a bad email.
const CUSTOMERS = [
  'Фамилия;Имя;Эл. почта;Телефон;Организация;Должность;Город;Теги',
  'Соколова;Нина;nina@example.ru;+7 912 111-22-33;ООО Вереск;Директор;Пермь;VIP, Опт',
  'Орлов;Игорь;bad-email;;;;Омск;',
].join('\n');

test('customers import: what the file holds, the proposed fields, dry run, import, the new profile', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const failures = watchFailures(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const file = testInfo.outputPath('клиенты.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${CUSTOMERS}\n`);

  await signInInEnglish(page);

  // Purchases is the default; the file holds customers.
  await nav.getByRole('link', { name: 'Import' }).click();
  const holds = page.getByRole('radiogroup', { name: 'What does the file hold?' });
  await expect(holds.getByRole('radio', { name: 'Purchases (sales and refunds)' })).toBeChecked();
  await holds.getByText('Customers (people and organisations)').click();
  await expect(holds.getByRole('radio', { name: 'Customers (people and organisations)' })).toBeChecked();
  await shot(page, 'customers-import-upload-en');
  await page.getByLabel('File', { exact: true }).setInputFiles(file);

  // The proposed reading of the Russian headers, and the first rows checked.
  await expect(page.getByRole('combobox', { name: 'Read “Эл. почта” as' })).toHaveValue('Email');
  await expect(page.getByRole('combobox', { name: 'Read “Организация” as' })).toHaveValue('Organisation');
  await expect(page.getByRole('combobox', { name: 'Read “Фамилия” as' })).toHaveValue('Last name');
  await expect(page.getByRole('combobox', { name: 'Read “Теги” as' })).toHaveValue('Tags');
  await expect(page.getByRole('table', { name: 'Columns of the file' }).getByText('Tags, separated by commas; new ones are created')).toBeVisible();
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  await expect(preview.getByRole('row').filter({ hasText: 'Нина' }).getByLabel('Reads well')).toBeVisible();
  await expect(preview.getByRole('row').filter({ hasText: 'Игорь' })).toContainText('Эл. почта: Not an email address');
  await expect(page.getByRole('button', { name: 'Continue to check' })).toBeEnabled();
  await shot(page, 'customers-import-mapping-en');

  // Check: one new customer, one rejected row, nothing written.
  await page.getByRole('button', { name: 'Continue to check' }).click();
  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
  await expect(page.getByRole('group', { name: 'New customers' })).toHaveText(/New customers\s*1/);
  await expect(page.getByRole('group', { name: 'Rejected rows' })).toHaveText(/Rejected rows\s*1/);
  await expect(page.getByRole('group', { name: 'Updated customers' })).toHaveText(/Updated customers\s*0/);
  await expect(page.getByRole('group', { name: 'New purchases' })).toHaveCount(0);
  await expect(page.getByText('1 row would be rejected.', { exact: false })).toBeVisible();
  await shot(page, 'customers-import-check-en');

  // Import: the job page shows the customer counts and the rejected row.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/\/import\/[\w-]+$/);
  await expect(page.getByRole('heading', { name: '1 rejected row' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'New customers' })).toHaveText(/New customers\s*1/);
  await expect(page.getByRole('group', { name: 'Rejected rows' })).toHaveText(/Rejected rows\s*1/);
  await expect(page.getByRole('group', { name: 'Line items' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Rejected rows' }).getByLabel('Эл. почта, row 3')).toHaveValue('bad-email');
  await shot(page, 'customers-import-result-en');

  // The new customer's profile: her name, tags and workplace.
  await page.getByLabel('Search customers').fill('nina');
  await expect(page.getByRole('option', { name: /Нина Соколова/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Нина Соколова' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove tag VIP' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove tag Опт' })).toBeVisible();
  await expect(page.getByText('Works at').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'ООО Вереск' }).first()).toBeVisible();

  // The mapping step in Russian.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();
  await page.goto('/import');
  await page.getByRole('radiogroup', { name: 'Что в файле?' }).getByText('Клиенты (люди и организации)').click();
  await page.getByLabel('Файл', { exact: true }).setInputFiles(file);
  await expect(page.getByRole('combobox', { name: 'Читать «Эл. почта» как' })).toHaveValue('Эл. почта');
  await expect(page.getByRole('combobox', { name: 'Читать «Организация» как' })).toHaveValue('Организация');
  await expect(page.getByRole('button', { name: 'Перейти к проверке' })).toBeEnabled();
  await shot(page, 'customers-import-mapping-ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(failures).toEqual([]);
});
