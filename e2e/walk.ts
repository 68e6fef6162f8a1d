import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** What the later walks share: the owner 01-foundation created, sign-in, failures watched, screenshots. */
export const OWNER = { email: 'ada@example.com', password: 'analytical engine' };

/** Page errors and 5xx answers seen during a walk (the walk asserts none at its end). */
export function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`);
  });
  return failures;
}

/** Signs the owner in and switches the interface to English (01 leaves it in Russian). */
export async function signInInEnglish(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password', { exact: false }).first().fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await page.getByLabel(/^(Language|Язык)$/).selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/**
 * The whole page at once, when RAPPORT_SCREENSHOTS names a directory: a viewport as tall as
 * the page, since a full-page screenshot repeats the shell's fixed header halfway down.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const shots = process.env.RAPPORT_SCREENSHOTS;
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
}
