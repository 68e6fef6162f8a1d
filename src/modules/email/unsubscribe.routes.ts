import { unsubscribeParamsSchema } from '../../contracts/email.ts';
import { throttlePublic } from '../auth/public-throttle.ts';
import { escapeHtml, htmlPage } from '../../shared/html-page.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { emailDepsOf } from './email.routes.ts';
import { unsubscribe, unsubscribeTarget } from './unsubscribe.usecases.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_PER_WINDOW = 60;

const TEXT = {
  en: { title: 'Unsubscribe', ask: 'Stop receiving emails from', button: 'Unsubscribe', done: 'You are unsubscribed. We will not email you again.', gone: 'This link is not valid.' },
  ru: { title: 'Отписка', ask: 'Больше не получать письма от', button: 'Отписаться', done: 'Вы отписаны. Мы больше не будем вам писать.', gone: 'Эта ссылка недействительна.' },
};

/**
 * The public unsubscribe page of every marketing email (on the route guard's allow-list):
 * GET shows a confirm button, POST unsubscribes (also the RFC 8058 one-click POST from mail
 * clients). Counted per client address in the login throttle's table.
 */
export function unsubscribeRoutes(app: App, deps: AppDeps): void {
  const base = emailDepsOf(deps);
  // The page's form and mail clients' one-click POST send a form body; nothing in it is needed.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) => done(null, {}));
  const throttle = (ip: string) => throttlePublic({ db: deps.database.db, clock: deps.clock }, `unsubscribe:${ip}`, MAX_PER_WINDOW, WINDOW_MS);

  app.get('/u/:token', { config: { access: 'public' }, schema: { hide: true, params: unsubscribeParamsSchema } }, async (request, reply) => {
    await throttle(request.ip);
    const target = await unsubscribeTarget(base, request.params.token);
    const t = TEXT[target?.locale === 'ru' ? 'ru' : 'en'];
    reply.type('text/html; charset=utf-8');
    if (!target) return reply.code(404).send(htmlPage('en', t.title, `<p>${t.gone}</p>`));
    return htmlPage(target.locale, t.title, `<h1>${t.title}</h1><p>${t.ask} ${escapeHtml(target.workspaceName)} (${escapeHtml(target.message.to_address)})?</p><form method="post"><button type="submit">${t.button}</button></form>`);
  });

  app.post('/u/:token', { config: { access: 'public' }, schema: { hide: true, params: unsubscribeParamsSchema } }, async (request, reply) => {
    await throttle(request.ip);
    const target = await unsubscribeTarget(base, request.params.token);
    const t = TEXT[target?.locale === 'ru' ? 'ru' : 'en'];
    reply.type('text/html; charset=utf-8');
    if (!target || !(await unsubscribe(base, request.params.token))) return reply.code(404).send(htmlPage('en', t.title, `<p>${t.gone}</p>`));
    return htmlPage(target.locale, t.title, `<h1>${t.title}</h1><p>${t.done}</p>`);
  });
}
