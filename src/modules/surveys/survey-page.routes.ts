import { surveyAnswerSchema, surveyTokenParamsSchema } from '../../contracts/surveys.ts';
import { escapeHtml, htmlPage } from '../../shared/html-page.ts';
import { isAppError } from '../../shared/errors.ts';
import { throttlePublic } from '../auth/public-throttle.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { answerSurvey, surveyState, type SurveyDeps, type SurveyState } from './surveys.usecases.ts';

const TEXT = {
  en: {
    title: 'One question', words: 'In your own words (optional)', send: 'Send', thanks: 'Thank you! Your answer has reached us.', thanksMore: 'It helps us do better.',
    used: 'This link has already been used — your answer reached us. Thank you!', expired: 'This survey link has expired.', invalid: 'This link is not valid.', choose: 'Choose one or more:',
    empty: 'Choose an answer or write a few words.', tooLong: 'At most 2000 characters, please.', from: 'from',
  },
  ru: {
    title: 'Один вопрос', words: 'Своими словами (необязательно)', send: 'Отправить', thanks: 'Спасибо! Ваш ответ получен.', thanksMore: 'Он помогает нам стать лучше.',
    used: 'По этой ссылке уже ответили — ответ получен. Спасибо!', expired: 'Срок действия этой ссылки истёк.', invalid: 'Эта ссылка недействительна.', choose: 'Выберите один или несколько вариантов:',
    empty: 'Выберите ответ или напишите пару слов.', tooLong: 'Не больше 2000 символов, пожалуйста.', from: 'от',
  },
};

const WINDOW_MS = 15 * 60_000;
const MAX_PER_WINDOW = 60;

function form(state: Extract<SurveyState, { status: 'open' }>, error: string | null, answer: { reasonIds: string[]; words: string }): string {
  const t = TEXT[state.locale as 'en' | 'ru'];
  const options = state.options.map((o) =>
    `<label class="option"><input type="checkbox" name="reason" value="${escapeHtml(o.id)}"${answer.reasonIds.includes(o.id) ? ' checked' : ''}>${escapeHtml(o.name)}</label>`).join('');
  return `<h1>${escapeHtml(state.question)}</h1><p class="muted">${escapeHtml(state.workspaceName)}</p>` +
    (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '') +
    `<form method="post"><p>${t.choose}</p>${options}<p><label for="words">${t.words}</label></p>` +
    `<textarea id="words" name="words" maxlength="2000">${escapeHtml(answer.words)}</textarea><p><button type="submit">${t.send}</button></p></form>`;
}

function closed(state: SurveyState): { code: number; html: string } {
  const locale = state.status === 'invalid' ? 'en' : (state.locale as 'en' | 'ru');
  const t = TEXT[locale];
  const text = state.status === 'used' ? t.used : state.status === 'expired' ? t.expired : t.invalid;
  return { code: state.status === 'invalid' ? 404 : 410, html: htmlPage(locale, t.title, `<h1>${t.title}</h1><p>${text}</p>`) };
}

/**
 * The public survey page linked from an email (on the route guard's allow-list): GET shows the
 * question in the customer's language, POST records the answer once. No script; the customer's
 * words are escaped on the way out and stored as plain text.
 */
export function surveyPageRoutes(app: App, deps: AppDeps): void {
  const base: SurveyDeps = { db: deps.database.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
  const throttle = (ip: string) => throttlePublic(base, `survey:${ip}`, MAX_PER_WINDOW, WINDOW_MS);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
    const params = new URLSearchParams(body as string);
    done(null, { reasonIds: params.getAll('reason'), words: params.get('words') ?? '' });
  });

  app.get('/s/:token', { config: { access: 'public' }, schema: { hide: true, params: surveyTokenParamsSchema } }, async (request, reply) => {
    await throttle(request.ip);
    const state = await surveyState(base, request.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (state.status !== 'open') {
      const { code, html } = closed(state);
      return reply.code(code).send(html);
    }
    return htmlPage(state.locale, state.question, form(state, null, { reasonIds: [], words: '' }));
  });

  app.post('/s/:token', { config: { access: 'public' }, schema: { hide: true, params: surveyTokenParamsSchema } }, async (request, reply) => {
    await throttle(request.ip);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const state = await surveyState(base, request.params.token);
    if (state.status !== 'open') {
      const { code, html } = closed(state);
      return reply.code(code).send(html);
    }
    const t = TEXT[state.locale as 'en' | 'ru'];
    const raw = (request.body ?? {}) as { reasonIds?: string[]; words?: string };
    const parsed = surveyAnswerSchema.safeParse(raw);
    const answer = { reasonIds: raw.reasonIds ?? [], words: raw.words ?? '' };
    if (!parsed.success) return reply.code(400).send(htmlPage(state.locale, state.question, form(state, t.tooLong, answer)));
    try {
      const result = await answerSurvey(base, request.params.token, parsed.data);
      if (!result) return reply.code(410).send(closed({ status: 'used', locale: state.locale, workspaceName: state.workspaceName }).html);
    } catch (error) {
      if (isAppError(error) && error.code === 'surveys.empty_answer') return reply.code(400).send(htmlPage(state.locale, state.question, form(state, t.empty, answer)));
      throw error;
    }
    return htmlPage(state.locale, t.title, `<h1>${t.thanks}</h1><p>${t.thanksMore}</p><p class="muted">${escapeHtml(state.workspaceName)}</p>`);
  });
}
