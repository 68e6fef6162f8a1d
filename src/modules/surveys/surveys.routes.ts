import { customerIdParamsSchema } from '../../contracts/customers.ts';
import { createSurveySchema, surveyAnswerResultSchema, surveyAnswerSchema, surveyInvitationSchema, surveyQuestionSchema, surveyTokenParamsSchema } from '../../contracts/surveys.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { throttlePublic } from '../auth/public-throttle.ts';
import { answerSurvey, createSurveyLink, surveyState, type SurveyDeps } from './surveys.usecases.ts';

const closedLink = (status: string) =>
  status === 'invalid' ? notFound('survey') : new AppError('surveys.closed', 410, status === 'used' ? 'This survey link has already been used' : 'This survey link has expired', { status });

/** The survey as JSON: the two public endpoints behind the token (rate-limited), and making a link for a customer. */
export function surveysRoutes(app: App, deps: AppDeps): void {
  const base: SurveyDeps = { db: deps.database.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
  const tags = ['surveys'];
  const throttle = (ip: string) => throttlePublic(base, `survey:${ip}`, 60, 15 * 60_000);

  app.get('/surveys/:token', { config: { access: 'public' }, schema: { tags, summary: 'Public: the question a survey link asks, in the customer\'s language', params: surveyTokenParamsSchema, response: { 200: surveyQuestionSchema, ...errors(404, 410, 429) } } },
    async (request) => {
      await throttle(request.ip);
      const state = await surveyState(base, request.params.token);
      if (state.status !== 'open') throw closedLink(state.status);
      return { kind: state.kind, locale: state.locale, workspaceName: state.workspaceName, question: state.question, options: state.options, expiresAt: state.expiresAt };
    });
  app.post('/surveys/:token/answer', { config: { access: 'public' }, schema: { tags, summary: 'Public: answer once; recorded on the profile as reasons (or exit reasons) with the words as plain text', params: surveyTokenParamsSchema, body: surveyAnswerSchema, response: { 200: surveyAnswerResultSchema, ...errors(400, 404, 410, 429) } } },
    async (request) => {
      await throttle(request.ip);
      const result = await answerSurvey(base, request.params.token, request.body);
      if (!result) throw closedLink((await surveyState(base, request.params.token)).status);
      return result;
    });
  app.post('/customers/:customerId/surveys', { config: { access: 'customers.write' }, schema: { tags, summary: 'Make a survey link for a customer to share by hand (shown once; expires in 30 days; single use)', params: customerIdParamsSchema, body: createSurveySchema, response: { 201: surveyInvitationSchema, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      reply.code(201);
      return createSurveyLink(base, actorOf(request), request.params.customerId, request.body.kind, request.body.locale);
    });
}
