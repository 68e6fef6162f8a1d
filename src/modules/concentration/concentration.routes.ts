import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { localeSchema } from '../../contracts/common.ts';
import {
  concentrationCustomerParamsSchema, concentrationCustomerSchema, concentrationQuerySchema, concentrationReportSchema, concentrationSettingsSchema,
} from '../../contracts/concentration.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { writeConcentrationSheet } from './concentration-sheet.ts';
import { concentrationForCustomer, concentrationReport, getConcentrationSettings, saveConcentrationSettings } from './concentration.usecases.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const fileSchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: localeSchema.optional().describe("Column headers' language; the workspace's by default"),
});

export function concentrationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const at = () => ({ db, now: deps.clock.now() });
  const tags = ['reports'];

  app.get('/reports/concentration', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'Revenue concentration: each group’s share (an organisation with its subsidiaries and staff), top-1, top-5 and HHI, per year', querystring: concentrationQuerySchema, response: { 200: concentrationReportSchema, ...errors(400, 401, 403) } },
  }, async (request) => concentrationReport(at(), actorOf(request).workspaceId, request.query));

  app.get('/reports/concentration/export', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'The Concentration report’s groups as CSV or XLSX', querystring: concentrationQuerySchema.omit({ limit: true }).extend(fileSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const { format, lang, ...query } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const report = await concentrationReport(at(), workspaceId, { ...query, limit: Number.MAX_SAFE_INTEGER });
    const locale = lang ?? (await createWorkspacesRepository(db).getWorkspace(workspaceId))!.locale;
    const out = new PassThrough();
    reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="concentration-${report.year ?? report.period}.${format}"`);
    writeConcentrationSheet(report, format, locale, out).catch((error: unknown) => out.destroy(error as Error));
    return reply.send(out as unknown as string);
  });

  app.get('/reports/concentration/customer/:customerId', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'For a profile: the customer’s group and its share of the latest year’s revenue, against the warning threshold', params: concentrationCustomerParamsSchema, response: { 200: concentrationCustomerSchema, ...errors(401, 403, 404) } },
  }, async (request) => concentrationForCustomer(at(), actorOf(request).workspaceId, request.params.customerId));

  app.get('/reports/concentration/settings', {
    config: { access: 'customers.read' },
    schema: { tags, summary: 'The share of revenue one group may hold before the report warns', response: { 200: concentrationSettingsSchema, ...errors(401, 403) } },
  }, async (request) => getConcentrationSettings(db, actorOf(request).workspaceId));

  app.put('/reports/concentration/settings', {
    config: { access: 'workspace.manage' },
    schema: { tags, summary: 'Set the warning threshold (owners and admins)', body: concentrationSettingsSchema, response: { 200: concentrationSettingsSchema, ...errors(400, 401, 403) } },
  }, async (request) => saveConcentrationSettings(at(), actorOf(request).workspaceId, request.body));
}
