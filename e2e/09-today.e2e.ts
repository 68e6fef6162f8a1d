import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CHROMIUM, dataDir } from './playwright.config.ts';
import { sessionApi } from './valueSeed.ts';
import { startSmtp } from '../src/server/smtp-testing.ts';
import { shot, watchFailures } from './walk.ts';

// Today on the demo workspace: `rapport demo` writes a second workspace into the running server's
// database (SQLite in WAL mode takes a second writer), and its owner signs in here.
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

const DEMO_OWNER = { email: 'today.demo@example.com', password: 'a demo of the morning queue' };
const SECTIONS = ['Follow-ups due', 'Thanks owed', 'Gold & silver drifting', 'Lapsed — ask why', 'Birthdays & anniversaries today', 'New customers to welcome'];
const SECTIONS_RU = ['Пора связаться', 'Кого поблагодарить', 'Золотые и серебряные уходят', 'Перестали покупать — спросите почему', 'Дни рождения и годовщины сегодня', 'Новые клиенты — поприветствуйте'];

const rowsOf = (section: Locator, name: string) => section.getByRole('listitem').filter({ hasText: name });

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO_OWNER.email);
  await page.getByLabel('Password', { exact: false }).first().fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await page.getByLabel(/^(Language|Язык)$/).selectOption('en');
}

test('Today on the demo workspace: every section filled, a follow-up done and a thank-you sent leave the queue', async ({ page }) => {
  test.setTimeout(180_000);
  execFileSync(process.execPath, ['bin/rapport.js', 'demo', '--owner-email', DEMO_OWNER.email, '--password-stdin'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    input: `${DEMO_OWNER.password}\n`,
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const failures = watchFailures(page);
  const smtp = await startSmtp();
  try {
    await signIn(page);
    const api = await sessionApi(page.request);
    await api.put('/email/settings', { host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'shop@example.com', fromName: 'Demo shop' });
    const queue = await api.get<{ sections: Record<string, { count: number; items: { customerName: string; email: string | null }[] }> }>('/today?scope=everyone');

    // 1. Every section has something in it, with its count shown.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    for (const [index, title] of SECTIONS.entries()) {
      const section = page.getByRole('region', { name: title });
      const key = Object.keys(queue.sections)[index]!;
      expect(queue.sections[key]!.count, `${title} is filled on the demo`).toBeGreaterThan(0);
      await expect(section.getByRole('listitem').first()).toBeVisible();
      await expect(section.getByLabel(new RegExp(`^${queue.sections[key]!.count} items?$`))).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'This week' })).toBeVisible();
    await shot(page, 'today-en');

    // 2. A follow-up done in one click leaves the queue at once.
    const followUps = page.getByRole('region', { name: 'Follow-ups due' });
    const followUpCount = queue.sections.followUpsDue!.count;
    const first = queue.sections.followUpsDue!.items[0]!.customerName;
    const before = await rowsOf(followUps, first).count();
    await followUps.getByRole('button', { name: `Mark ${first} done` }).first().click();
    await expect(rowsOf(followUps, first)).toHaveCount(before - 1);
    await expect(followUps.getByLabel(new RegExp(`^${followUpCount - 1} items?$`))).toBeVisible();

    // 3. A thank-you email sent from the queue: the SMTP server receives it and the item leaves.
    const thanks = page.getByRole('region', { name: 'Thanks owed' });
    const owed = queue.sections.thanksOwed!.items.find((i) => i.email)!;
    const thanksBefore = await rowsOf(thanks, owed.customerName).count();
    await thanks.getByRole('listitem').filter({ hasText: owed.customerName }).first().getByRole('button', { name: /^Send .* a thank-you email/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send email' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(rowsOf(thanks, owed.customerName)).toHaveCount(thanksBefore - 1);
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(smtp.received[0]!.to).toMatchObject({ value: [{ address: owed.email }] });
    const after = await api.get<{ sections: Record<string, { count: number }> }>('/today?scope=everyone');
    expect(after.sections.followUpsDue!.count).toBe(followUpCount - 1);
    expect(after.sections.thanksOwed!.count).toBe(queue.sections.thanksOwed!.count - 1);

    // 4. The same page in Russian.
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expect(page.getByRole('heading', { level: 1, name: 'Сегодня' })).toBeVisible();
    for (const title of SECTIONS_RU) await expect(page.getByRole('region', { name: title })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shot(page, 'today-ru');
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    expect(failures).toEqual([]);
  } finally {
    await smtp.close();
  }
});
