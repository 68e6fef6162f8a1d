import { analyticsSettingsSchema, customerValueSchema, modelReportSchema, recomputeRequestSchema, recomputeStatusSchema, rfmReportSchema, updateAnalyticsSettingsSchema, valueDashboardSchema } from '../../contracts/analytics.ts';
import { customerIdParamsSchema } from '../../contracts/customers.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { customerValue, getSettings, modelReport, recomputeStatus, requestRecompute, rfmReport, updateSettings, valueDashboard } from './value-reports.usecases.ts';

export function analyticsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const tags = ['customer value'];

  app.get('/analytics/value', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'Value dashboard: revenue by month, Pareto curve, tiers, the gold list and who entered or left it', response: { 200: valueDashboardSchema, ...errors(401, 403) } },
  }, async (request) => valueDashboard(base, actorOf(request)));

  app.get('/analytics/rfm', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'RFM segments with customers and revenue, and the recency × frequency-monetary grid', response: { 200: rfmReportSchema, ...errors(401, 403) } },
  }, async (request) => rfmReport(base, actorOf(request)));

  app.get('/analytics/model', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'The fitted BG/NBD and Gamma-Gamma models, diagnostics and holdout tracking', response: { 200: modelReportSchema, ...errors(401, 403) } },
  }, async (request) => modelReport(base, actorOf(request)));

  app.get('/analytics/status', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'State of the recompute job', response: { 200: recomputeStatusSchema, ...errors(401, 403) } },
  }, async (request) => recomputeStatus(base, actorOf(request)));

  app.post('/analytics/recompute', {
    config: { access: 'customers.write' },
    schema: { tags, summary: 'Recompute every customer’s value now (a background job; refit to fit the models again)', body: recomputeRequestSchema, response: { 202: recomputeStatusSchema, ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    reply.code(202);
    return requestRecompute(base, actorOf(request), request.body.refit);
  });

  app.get('/analytics/settings', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'Gold share, tier metric and window, discount rate, lapse thresholds', response: { 200: analyticsSettingsSchema, ...errors(401, 403) } },
  }, async (request) => getSettings(base, actorOf(request)));

  app.put('/analytics/settings', {
    config: { access: 'workspace.manage' },
    schema: { tags, summary: 'Change customer-value settings (recomputes)', body: updateAnalyticsSettingsSchema, response: { 200: analyticsSettingsSchema, ...errors(400, 401, 403) } },
  }, async (request) => updateSettings(base, actorOf(request), request.body));

  app.get('/customers/:customerId/value', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'A customer’s value: windows, rank and tier, RFM, predictions and lapse state', params: customerIdParamsSchema, response: { 200: customerValueSchema, ...errors(401, 403, 404) } },
  }, async (request) => customerValue(base, actorOf(request), request.params.customerId));
}
