import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ParsedMail } from 'mailparser';
import { CHROMIUM } from './playwright.config.ts';
import { sessionApi } from './valueSeed.ts';
import { startSmtp } from '../src/server/smtp-testing.ts';
import { shot, signInInEnglish, watchFailures } from './walk.ts';

// Runs after 01–07 on their data: the value customers of 05 give the win-back queue its people.
// The email goes through a real SMTP server started here; the app's own sender delivers it.
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);

const REFERRER = { firstName: 'Rosa', lastName: 'Quintero', email: 'rosa.quintero@example.com' };
const REFERRAL = { firstName: 'Tomas', lastName: 'Bell' };
const LEAVER = { firstName: 'Ulla', lastName: 'Kask' };
const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const SURVEY_WORDS = 'Быстро, вежливо и всегда свежие цветы';
const DAY = 86_400_000;
/** Regulars who stopped: a purchase every `gap` days, the last `since` days ago — big spenders, so gold or silver, and lapsed. */
const DRIFTING = [
  { firstName: 'Vera', lastName: 'Holm', email: 'vera.holm@example.com', gap: 20, since: 90, count: 14, amount: 40_000 },
  { firstName: 'Walt', lastName: 'Ames', email: 'walt.ames@example.com', gap: 15, since: 70, count: 16, amount: 30_000 },
];

async function openProfile(page: Page, id: string, heading: string) {
  await page.goto(`/customers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Waits for the app's sender (a pass every 2 s) to deliver the next message. */
async function nextMail(received: ParsedMail[], before: number): Promise<ParsedMail> {
  await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(before);
  return received[before]!;
}

test('reasons, a thank-you owed and sent, a survey answered in Russian, a customer lost, the win-back queue', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const failures = watchFailures(page);
  const smtp = await startSmtp();
  try {
    await signInInEnglish(page);
    const api = await sessionApi(page.request);
    await api.put('/email/settings', { host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'shop@example.com', fromName: 'Acme Flowers' });
    const rosa = String((await api.post('/customers', { kind: 'person', ...REFERRER, preferredLanguage: 'ru', contacts: [{ kind: 'email', value: REFERRER.email }] })).id);
    const tomas = String((await api.post('/customers', { kind: 'person', ...REFERRAL })).id);
    const ulla = String((await api.post('/customers', { kind: 'person', ...LEAVER })).id);
    await api.put(`/customers/${tomas}/referrer`, { referrerId: rosa });
    await api.post(`/customers/${rosa}/transactions`, { occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString(), amountMinor: 6_000 });

    // 1. A reason recorded on the profile shows in the header's "Why they choose us".
    await openProfile(page, rosa, name(REFERRER));
    await page.getByRole('button', { name: 'Add reason' }).click();
    await page.getByRole('combobox', { name: 'Reason' }).fill('Qual');
    await page.getByRole('option', { name: 'Quality', exact: true }).click();
    await page.getByLabel('In their own words').fill('The roses last two weeks');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const bits = page.getByRole('region', { name: 'The seven things to know' });
    await expect(bits.getByLabel(/^Why they choose us: /)).toHaveAccessibleName(/^Why they choose us: Quality/);

    // 2. Her referral buys: a thank-you becomes owed to her, once.
    await api.post(`/customers/${tomas}/transactions`, { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), amountMinor: 4_500 });
    await page.goto('/thanks');
    const row = page.getByRole('row').filter({ hasText: name(REFERRER) }).filter({ hasText: `Referred ${name(REFERRAL)}` });
    await expect(row).toHaveCount(1);

    // 3. Send the thank-you email from the list: the test's SMTP server receives it, in her language.
    const before = smtp.received.length;
    await row.getByRole('button', { name: `Send ${name(REFERRER)} a thank-you email for Referred ${name(REFERRAL)} — bought` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(`Спасибо, ${REFERRER.firstName}!`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Send email' }).click();
    await expect(row).toHaveCount(0);
    const thanks = await nextMail(smtp.received, before);
    expect(thanks.to).toMatchObject({ value: [{ address: REFERRER.email }] });
    expect(thanks.subject).toBe(`Спасибо, ${REFERRER.firstName}!`);
    expect(thanks.headers.get('content-language')).toBe('ru');
    await page.locator('label').filter({ hasText: /^Done$/ }).click();
    await expect(page.getByRole('row').filter({ hasText: name(REFERRER) }).filter({ hasText: `Referred ${name(REFERRAL)}` })).toHaveCount(1);
    await openProfile(page, rosa, name(REFERRER));
    await expect(bits.getByLabel(/^How we thanked them: /)).toHaveAccessibleName(/^How we thanked them: .*Email/);

    // 4. Ask her why she chose us; open the link from the email on a phone and answer in Russian.
    await page.getByRole('button', { name: 'Send email' }).click();
    await page.getByRole('dialog').getByLabel('Kind of email').selectOption('question');
    await expect(page.getByRole('dialog').getByText(`Один вопрос, ${REFERRER.firstName}`)).toBeVisible();
    const beforeQuestion = smtp.received.length;
    await page.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click();
    const question = await nextMail(smtp.received, beforeQuestion);
    const link = /(https?:\/\/\S+\/s\/\S+)/.exec(question.text ?? '')?.[1];
    expect(link, question.text).toBeTruthy();
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const survey = await phone.newPage();
    await survey.goto(new URL(link!).pathname);
    await expect(survey.getByRole('heading', { name: 'Почему вы выбрали нас?' })).toBeVisible();
    await survey.getByLabel('Service').check();
    await survey.getByLabel('Своими словами (необязательно)').fill(SURVEY_WORDS);
    await shot(survey, 'survey-phone-ru');
    await survey.getByRole('button', { name: 'Отправить' }).click();
    await expect(survey.getByRole('heading', { name: 'Спасибо! Ваш ответ получен.' })).toBeVisible();
    await survey.goto(new URL(link!).pathname);
    await expect(survey.getByText('По этой ссылке уже ответили')).toBeVisible();
    await page.reload();
    await expect(page.getByText(SURVEY_WORDS)).toBeVisible();
    await expect(page.getByText('Survey answer').first()).toBeVisible();
    await expect(bits.getByLabel(/^Why they choose us: /)).toHaveAccessibleName(/^Why they choose us: Service, Quality/);

    // The same page in English, for a customer who reads English.
    const english = await api.post(`/customers/${tomas}/surveys`, { kind: 'exit' });
    await survey.goto(new URL(String(english.link)).pathname);
    await expect(survey.getByRole('heading', { name: 'Is there anything we could have done better?' })).toBeVisible();
    await shot(survey, 'survey-phone-en');
    await phone.close();

    // 5. Mark a customer lost with a reason; the exit-reasons report counts them.
    await openProfile(page, ulla, name(LEAVER));
    await page.getByRole('button', { name: 'Mark as lost' }).click();
    await page.getByRole('combobox', { name: 'Exit reason' }).click();
    await page.getByRole('option', { name: 'Went to a competitor', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as lost' }).click();
    await expect(bits.getByLabel(/^Risk of leaving: /)).toHaveAccessibleName(/Lost: Went to a competitor/);
    await page.goto('/reports/exit-reasons');
    const exit = (await api.get<{ rows: { reason: string; customers: number; lost: number }[] }>('/reports/exit-reasons')).rows.find((r) => r.reason === 'Went to a competitor')!;
    expect(exit).toMatchObject({ customers: 1, lost: 1 });
    await expect(page.getByRole('row', { name: /^Went to a competitor 1 100%/ })).toBeVisible();
    await shot(page, 'report-exit-reasons-en');

    // 6. The win-back queue: the regulars who stopped are there; one click logs a call, another emails "what could we have done better?".
    for (const d of DRIFTING) {
      const id = String((await api.post('/customers', { kind: 'person', firstName: d.firstName, lastName: d.lastName, consent: { given: true }, contacts: [{ kind: 'email', value: d.email }] })).id);
      for (let i = 0; i < d.count; i++) await api.post(`/customers/${id}/transactions`, { occurredAt: new Date(Date.now() - (d.since + i * d.gap) * DAY).toISOString(), amountMinor: d.amount });
    }
    await expect.poll(async () => (await api.get<{ items: { name: string }[] }>('/winback')).items.map((e) => e.name), { timeout: 30_000 }).toEqual(expect.arrayContaining(DRIFTING.map(name)));
    await page.goto('/winback');
    const vera = page.getByRole('row').filter({ hasText: name(DRIFTING[0]!) });
    await expect(vera.getByText('Lapsed')).toBeVisible();
    await vera.getByRole('button', { name: `Log a call with ${name(DRIFTING[0]!)}` }).click();
    await page.getByLabel('What was said (optional)').fill('Moved house; will come back in spring');
    await page.getByRole('button', { name: 'Log call', exact: true }).last().click();
    await expect(page.getByText(`Call with ${name(DRIFTING[0]!)} logged on the timeline.`)).toBeVisible();
    await expect(vera.getByText('Call logged')).toBeVisible();
    const walt = page.getByRole('row').filter({ hasText: name(DRIFTING[1]!) });
    const beforeAsk = smtp.received.length;
    await walt.getByRole('button', { name: `Email ${name(DRIFTING[1]!)} to ask what we could have done better` }).click();
    const ask = await nextMail(smtp.received, beforeAsk);
    expect(ask.to).toMatchObject({ value: [{ address: DRIFTING[1]!.email }] });
    expect(ask.subject).toBe(`Could we have done better, ${DRIFTING[1]!.firstName}?`);
    expect(ask.text).toMatch(/\/s\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/);
    await expect(walt.getByText('Asked why')).toBeVisible();

    // 7. Screenshots: the three bits, the reasons report, the win-back queue — English, then Russian.
    await openProfile(page, rosa, name(REFERRER));
    await shot(page, 'profile-three-bits-en');
    await page.goto('/reports/reasons');
    await expect(page.getByRole('row').filter({ hasText: 'Service' }).first()).toBeVisible();
    await shot(page, 'report-reasons-en');
    await page.goto('/winback');
    const queue = await api.get<{ items: { name: string; tier: string; lapseState: string }[] }>('/winback');
    for (const entry of queue.items.slice(0, 3)) await expect(page.getByRole('row').filter({ hasText: entry.name })).toBeVisible();
    await shot(page, 'winback-en');
    const pages = [
      { path: '/thanks', text: { en: 'Thanks owed', ru: 'Кого поблагодарить' }, file: 'thanks-owed' },
      { path: '/reports/thank-yous', text: { en: 'Thank-yous', ru: 'Благодарности' }, file: 'report-thank-yous' },
      { path: '/settings/thanks', text: { en: 'Who is owed thanks', ru: 'Кого благодарить' }, file: 'settings-thanks' },
      { path: '/settings/email/outbox', text: { en: 'Outbox', ru: 'Исходящие' }, file: 'outbox' },
    ];
    const walkPages = async (lang: 'en' | 'ru') => {
      for (const p of pages) {
        await page.goto(p.path);
        await expect(page.getByText(p.text[lang], { exact: true }).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        await shot(page, `${p.file}-${lang}`);
      }
    };
    await walkPages('en');
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await openProfile(page, rosa, name(REFERRER));
    await expect(page.getByRole('region', { name: 'Семь главных фактов' })).toBeVisible();
    await shot(page, 'profile-three-bits-ru');
    await page.goto('/reports/reasons');
    await expect(page.getByRole('row').filter({ hasText: 'Service' }).first()).toBeVisible();
    await shot(page, 'report-reasons-ru');
    await page.goto('/winback');
    await expect(page.getByRole('heading', { level: 1, name: 'Очередь на возврат' })).toBeVisible();
    await shot(page, 'winback-ru');
    await walkPages('ru');
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    expect(failures).toEqual([]);
  } finally {
    await smtp.close();
  }
});
