import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM } from './playwright.config.ts';

// Runs after 01-foundation, whose walk created the workspace and its owner.
const owner = { email: 'ada@example.com', password: 'analytical engine' };
const shots = process.env.RAPPORT_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

test('customer profiles: organisations, a person, an attribute, a tag, search, merge, history, delete and restore', async ({ page }) => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`);
  });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const person = 'Людмила Журавлёва';

  await page.goto('/login');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: false }).first().fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  // The foundation walk left this owner's language on Russian.
  await page.getByLabel(/^(Language|Язык)$/).selectOption('en');
  await expect(nav).toBeVisible();

  // An organisation under a parent organisation.
  await nav.getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('button', { name: 'Add organisation' }).first().click(); // the empty list has a second such button
  let dialog = page.getByRole('dialog', { name: 'Add organisation' });
  await dialog.getByLabel('Organisation name').fill('Северная группа');
  await dialog.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Северная группа' })).toBeVisible();

  await page.goto('/customers');
  await page.getByRole('button', { name: 'Add customer' }).click();
  dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByRole('radio', { name: 'Organisation' }).check();
  await dialog.getByLabel('Organisation name').fill('Северный склад');
  await dialog.getByLabel('Parent organisation').fill('Северная');
  await page.getByRole('option', { name: 'Северная группа' }).click();
  await dialog.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Северный склад' })).toBeVisible();
  await expect(page.getByText('Part of')).toBeVisible();

  // A person working there, with two emails.
  await page.goto('/customers');
  await page.getByRole('button', { name: 'Add customer' }).click();
  dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByLabel('First name').fill('Людмила');
  await dialog.getByLabel('Last name').fill('Журавлёва');
  await dialog.getByLabel('Works at').fill('Северный');
  await page.getByRole('option', { name: 'Северный склад' }).click();
  await dialog.getByLabel('Role').fill('Buyer');
  await dialog.getByLabel('Email 1').fill('lyuda@example.ru');
  await dialog.getByRole('button', { name: 'Add email' }).click();
  await dialog.getByLabel('Email 2').fill('l.zhuravleva@example.ru');
  await dialog.getByRole('button', { name: 'Create person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible();
  const profileUrl = page.url();
  await expect(page.getByRole('link', { name: 'lyuda@example.ru' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'l.zhuravleva@example.ru' })).toBeVisible();

  // Define an attribute in Settings and set it on the person.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Attributes' }).click();
  await page.getByRole('button', { name: 'Add attribute' }).click();
  dialog = page.getByRole('dialog', { name: 'Add attribute' });
  await dialog.getByLabel('Label').fill('Loyalty card');
  await dialog.getByRole('button', { name: 'Create attribute' }).click();
  await expect(page.getByRole('cell', { name: 'Loyalty card', exact: true })).toBeVisible();
  await page.goto(profileUrl);
  await page.getByRole('button', { name: 'Edit attributes' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit attributes' });
  await dialog.getByLabel('Loyalty card').fill('LC-0042');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('LC-0042')).toBeVisible();

  // Tag the person, creating the tag on the way.
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Find or create a tag').fill('Опт');
  await page.getByRole('option', { name: 'Create tag “Опт”' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag Опт' })).toBeVisible();
  await shot(page, 'profile-en');

  // Quick search with lower-case Cyrillic and no ё finds "Журавлёва".
  await page.goto('/today');
  await page.getByLabel('Search customers').fill('журавлева');
  await expect(page.getByRole('option', { name: person })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible();

  // A duplicate (same email), merged into the original.
  await page.goto('/customers');
  await page.getByRole('button', { name: 'Add customer' }).click();
  dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByLabel('First name').fill('Люда');
  await dialog.getByLabel('Last name').fill('Журавлёва');
  await dialog.getByLabel('Email 1').fill('LYUDA@example.ru');
  await dialog.getByRole('button', { name: 'Create person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Люда Журавлёва' })).toBeVisible();
  await page.goto(profileUrl);
  await page.getByRole('button', { name: 'Merge with…' }).click();
  dialog = page.getByRole('dialog', { name: 'Merge customers' });
  await dialog.getByLabel('Duplicate to merge').fill('Люда');
  await page.getByRole('option', { name: 'Люда Журавлёва' }).click();
  await dialog.getByRole('button', { name: 'Compare' }).click();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The history shows the merge.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('cell', { name: 'Merged a duplicate into this customer' })).toBeVisible();

  // Delete, then restore from "recently deleted".
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete customer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete customer' }).click();
  await expect(page.getByText(`${person} was deleted.`)).toBeVisible();
  await page.getByRole('link', { name: 'Recently deleted' }).click();
  await page.getByRole('button', { name: `Restore ${person}` }).click();
  await expect(page.getByText(`${person} is back.`)).toBeVisible();
  await page.getByRole('link', { name: 'Open profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible();

  // The merged profile kept both emails and the tag; the list shows one Журавлёва.
  await expect(page.getByRole('link', { name: 'l.zhuravleva@example.ru' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove tag Опт' })).toBeVisible();
  const found = await page.evaluate(async () => (await (await fetch('/api/v1/customers/count?q=журавлева')).json()) as { total: number });
  expect(found.total).toBe(1);

  // The same profile in Russian.
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: 'Основные разделы' })).toBeVisible();
  await shot(page, 'profile-ru');
  await page.goto('/customers');
  await expect(page.getByRole('heading', { name: 'Клиенты' })).toBeVisible();
  await shot(page, 'customers-list-ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await shot(page, 'customers-list-en');
  expect(failures).toEqual([]);
});
