import { unsubscribeParamsSchema } from '../../contracts/email.ts';
import { toDbTime } from '../../db/dialect.ts';
import { rateLimited } from '../auth/auth.errors.ts';
import { createLoginAttemptsRepository } from '../auth/login-attempts.repository.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { emailDepsOf } from './email.routes.ts';
import { unsubscribe, unsubscribeTarget } from './unsubscribe.usecases.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_PER_WINDOW = 60;

const TEXT = {
  en: { title: 'Unsubscribe', ask: 'Stop receiving emails from', button: 'Unsubscribe', done: 'You are unsubscribed. We will not email you again.', gone: 'This link is not valid.' },
  ru: { title: 'Отписка', ask: 'Больше не получать письма от', button: 'Отписаться', done: 'Вы отписаны. Мы больше не будем вам писать.', gone: 'Эта ссылка недействительна.' },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (lang: string, title: string, inner: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escape(title)}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem}</style></head><body>${inner}</body></html>`;

/**
 * The public unsubscribe page of every marketing email (on the route guard's allow-list):
 * GET shows a confirm button, POST unsubscribes (also the RFC 8058 one-click POST from mail
 * clients). Counted per client address in the login throttle's table.
 */
export function unsubscribeRoutes(app: App, deps: AppDeps): void {
  const base = emailDepsOf(deps);
  // The page's form and mail clients' one-click POST send a form body; nothing in it is needed.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) => done(null, {}));
  async function throttle(ip: string) {
    const repo = createLoginAttemptsRepository(deps.database.db);
    const key = `unsubscribe:${ip}`;
    const now = deps.clock.now();
    const [attempt] = await repo.getAttempts([key]);
    const fresh = !attempt || Date.parse(attempt.window_start) + WINDOW_MS <= now.getTime();
    if (!fresh && attempt.failures >= MAX_PER_WINDOW) throw rateLimited(Math.ceil((Date.parse(attempt.window_start) + WINDOW_MS - now.getTime()) / 1000));
    await repo.saveAttempt({ key, window_start: fresh ? toDbTime(now) : attempt.window_start, failures: fresh ? 1 : attempt.failures + 1 });
  }

  app.get('/u/:token', { config: { access: 'public' }, schema: { hide: true, params: unsubscribeParamsSchema } }, async (request, reply) => {
    await throttle(request.ip);
    const target = await unsubscribeTarget(base, request.params.token);
    const t = TEXT[target?.locale === 'ru' ? 'ru' : 'en'];
    reply.type('text/html; charset=utf-8');
    if (!target) return reply.code(404).send(page('en', t.title, `<p>${t.gone}</p>`));
    return page(target.locale, t.title, `<h1>${t.title}</h1><p>${t.ask} ${escape(target.workspaceName)} (${escape(target.message.to_address)})?</p><form method="post"><button type="submit">${t.button}</button></form>`);
  });

  app.post('/u/:token', { config: { access: 'public' }, schema: { hide: true, params: unsubscribeParamsSchema } }, async (request, reply) => {
    await throttle(request.ip);
    const target = await unsubscribeTarget(base, request.params.token);
    const t = TEXT[target?.locale === 'ru' ? 'ru' : 'en'];
    reply.type('text/html; charset=utf-8');
    if (!target || !(await unsubscribe(base, request.params.token))) return reply.code(404).send(page('en', t.title, `<p>${t.gone}</p>`));
    return page(target.locale, t.title, `<h1>${t.title}</h1><p>${t.done}</p>`);
  });
}
