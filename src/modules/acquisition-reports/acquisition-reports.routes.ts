import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { referralsReportQuerySchema, referralsReportSchema, sourcesReportQuerySchema, sourcesReportSchema } from '../../contracts/acquisition-reports.ts';
import { localeSchema } from '../../contracts/common.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { referralsReport } from './referrals-report.usecases.ts';
import { writeReferralsSheet, writeSourcesSheet } from './report-sheets.ts';
import { sourcesReport } from './sources-report.usecases.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const fileSchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: localeSchema.optional().describe("Column headers' language; the workspace's by default"),
});

export function acquisitionReportsRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  app.get('/reports/sources', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'Source ROI: per channel, source and campaign, what the customers acquired in the period brought and cost', querystring: sourcesReportQuerySchema, response: { 200: sourcesReportSchema, ...errors(400, 401, 403) } },
  }, async (request) => sourcesReport(db, actorOf(request).workspaceId, request.query));

  app.get('/reports/referrals', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'Referral value: per referrer, referrals made and bought, their revenue and their whole network’s', querystring: referralsReportQuerySchema, response: { 200: referralsReportSchema, ...errors(400, 401, 403) } },
  }, async (request) => referralsReport(db, actorOf(request).workspaceId, request.query));

  app.get('/reports/sources/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'The Sources report as CSV or XLSX', querystring: sourcesReportQuerySchema.extend(fileSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const { format, lang, ...period } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const report = await sourcesReport(db, workspaceId, period);
    const locale = lang ?? (await createWorkspacesRepository(db).getWorkspace(workspaceId))!.locale;
    const out = new PassThrough();
    reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="sources-${today()}.${format}"`);
    writeSourcesSheet(report, format, locale, out).catch((error: unknown) => out.destroy(error as Error));
    return reply.send(out as unknown as string);
  });

  app.get('/reports/referrals/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'The Referrals report as CSV or XLSX', querystring: referralsReportQuerySchema.extend(fileSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const { format, lang, ...period } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const report = await referralsReport(db, workspaceId, period);
    const locale = lang ?? (await createWorkspacesRepository(db).getWorkspace(workspaceId))!.locale;
    const out = new PassThrough();
    reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="referrals-${today()}.${format}"`);
    writeReferralsSheet(report, format, locale, out).catch((error: unknown) => out.destroy(error as Error));
    return reply.send(out as unknown as string);
  });
}
