import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM } from './playwright.config.ts';

// Set RAPPORT_SCREENSHOTS=docs/screenshots to refresh the pictures in the docs.
const shots = process.env.RAPPORT_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

const owner = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical engine' };

test('setup → sign out → sign in → Russian → translated shell → sign out', async ({ page }) => {
  const serverErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => serverErrors.push(`page error: ${error.message}`));

  // First visit: any URL leads to "create your workspace".
  await page.goto('/customers');
  await expect(page.getByRole('heading', { name: 'Create your workspace' })).toBeVisible();
  await shot(page, 'setup-en');

  // A too-short password is refused field by field, in the user's language.
  await page.getByLabel('Business name').fill('Northwind Coffee');
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: false }).first().fill('short');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText(/at least 10 characters/i).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create your workspace' })).toBeVisible();

  await page.getByLabel('Password', { exact: false }).first().fill(owner.password);
  await page.getByRole('button', { name: 'Create workspace' }).click();

  // The owner is signed in and sees the shell.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  for (const item of ['Today', 'Customers', 'Organisations', 'Segments', 'Reports', 'Import', 'Settings']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await expect(page.getByText('Northwind Coffee').first()).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search customers' }).or(page.getByLabel('Search customers'))).toBeVisible();
  await shot(page, 'shell-en');

  // Sign out.
  await signOut(page, 'account menu', 'Sign out');
  await expect(page.getByRole('heading', { name: 'Sign in to Rapport' })).toBeVisible();

  // A wrong password gets the one message for any failed sign-in.
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: false }).first().fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is incorrect')).toBeVisible();

  // Sign in.
  await page.getByLabel('Password', { exact: false }).first().fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(nav).toBeVisible();

  // Switch to Russian: the shell is translated.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  const navRu = page.getByRole('navigation', { name: 'Основные разделы' });
  await expect(navRu).toBeVisible();
  for (const item of ['Сегодня', 'Клиенты', 'Организации', 'Сегменты', 'Отчёты', 'Импорт', 'Настройки']) {
    await expect(navRu.getByRole('link', { name: item })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByText('Today', { exact: true })).toHaveCount(0);
  await shot(page, 'shell-ru');
  await navRu.getByRole('link', { name: 'Клиенты' }).click();
  await expect(page.getByRole('heading', { name: 'Клиенты' })).toBeVisible();
  await shot(page, 'customers-ru');

  // The language is remembered for this user: it survives a reload.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();

  // Sign out, in Russian.
  await signOut(page, 'меню учётной записи', 'Выйти');
  await expect(page.getByRole('heading', { name: 'Вход в Rapport' })).toBeVisible();
  await shot(page, 'sign-in-ru');

  // Signed out for real: the API refuses the old session.
  const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
  expect(status).toBe(401);
  expect(serverErrors).toEqual([]);
});

async function signOut(page: Page, menuName: string, itemName: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(menuName) }).click();
  await page.getByRole('menuitem', { name: itemName }).click();
}
