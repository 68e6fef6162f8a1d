import { customerIdParamsSchema } from '../../contracts/customers.ts';
import {
  bulkEmailResultSchema, bulkEmailSchema, emailListQuerySchema, emailListSchema, emailSettingsSchema, putEmailSettingsSchema, putTemplateSchema,
  sendEmailResultSchema, sendEmailSchema, templateListSchema, templateParamsSchema, templateSchema, testEmailResultSchema, testEmailSchema, PLACEHOLDERS,
} from '../../contracts/email.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { listMessages, sendBulk, sendToCustomer } from './outbox.usecases.ts';
import { getSettings, saveSettings, sendTestEmail, type EmailDeps } from './smtp-settings.usecases.ts';
import { getTemplate, listTemplates, saveTemplate } from './templates.usecases.ts';

export function emailDepsOf(deps: AppDeps): EmailDeps {
  return { db: deps.database.db, clock: deps.clock, secretKey: deps.config.secretKey, publicUrl: deps.config.publicUrl };
}

export function emailRoutes(app: App, deps: AppDeps): void {
  const base = emailDepsOf(deps);
  const tags = ['email'];

  app.get('/email/settings', { config: { access: 'workspace.manage' }, schema: { tags, summary: "The workspace's SMTP settings (never the password)", response: { 200: emailSettingsSchema, ...errors(401, 403) } } },
    async (request) => getSettings(base, actorOf(request)));
  app.put('/email/settings', { config: { access: 'workspace.manage' }, schema: { tags, summary: 'Save the SMTP settings (the password sealed with RAPPORT_SECRET_KEY)', body: putEmailSettingsSchema, response: { 200: emailSettingsSchema, ...errors(400, 401, 403, 409) } } },
    async (request) => saveSettings(base, actorOf(request), request.body));
  app.post('/email/test', { config: { access: 'workspace.manage' }, schema: { tags, summary: "Send a test email now and return the SMTP server's answer or the error", body: testEmailSchema, response: { 200: testEmailResultSchema, ...errors(400, 401, 403, 409) } } },
    async (request) => sendTestEmail(base, actorOf(request), request.body.to));

  app.get('/email/templates', { config: { access: 'customers.read' }, schema: { tags, summary: 'Every template per purpose and language (built-in text until saved)', response: { 200: templateListSchema, ...errors(401, 403) } } },
    async (request) => ({ items: await listTemplates(base, actorOf(request)), placeholders: [...PLACEHOLDERS] }));
  app.get('/email/templates/:purpose/:locale', { config: { access: 'customers.read' }, schema: { tags, summary: 'One template', params: templateParamsSchema, response: { 200: templateSchema, ...errors(400, 401, 403) } } },
    async (request) => getTemplate(base, actorOf(request).workspaceId, request.params.purpose, request.params.locale));
  app.put('/email/templates/:purpose/:locale', { config: { access: 'workspace.manage' }, schema: { tags, summary: 'Save a template; unknown placeholders are refused', params: templateParamsSchema, body: putTemplateSchema, response: { 200: templateSchema, ...errors(400, 401, 403) } } },
    async (request) => saveTemplate(base, actorOf(request), request.params.purpose, request.params.locale, request.body));

  app.post('/customers/:customerId/emails', { config: { access: 'customers.write' }, schema: { tags, summary: 'Queue an email to a customer (from a template or a subject and body), or preview it', params: customerIdParamsSchema, body: sendEmailSchema, response: { 200: sendEmailResultSchema, 202: sendEmailResultSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      const result = await sendToCustomer(base, actorOf(request), request.params.customerId, request.body);
      reply.code(result.preview ? 200 : 202);
      return result;
    });
  app.post('/emails/bulk', { config: { access: 'customers.write' }, schema: { tags, summary: 'Queue a template to many customers; those without consent, address or unsubscribed are skipped and counted', body: bulkEmailSchema, response: { 202: bulkEmailResultSchema, ...errors(400, 401, 403, 409) } } },
    async (request, reply) => {
      reply.code(202);
      return sendBulk(base, actorOf(request), request.body);
    });
  app.get('/emails', { config: { access: 'customers.read' }, schema: { tags, summary: 'The outbox, newest first, with delivery status and errors', querystring: emailListQuerySchema, response: { 200: emailListSchema, ...errors(400, 401, 403) } } },
    async (request) => ({ items: await listMessages(base, actorOf(request), request.query) }));
}
