import { PassThrough, type Writable } from 'node:stream';
import { z } from 'zod';
import { campaignIdParamsSchema } from '../../contracts/campaigns.ts';
import { campaignResponseQuerySchema, campaignResponseSchema, pivotQuerySchema, pivotSchema, profitReportQuerySchema, profitReportSchema } from '../../contracts/reports.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import type { SheetFormat } from '../exports/sheet-writers.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { campaignResponse } from './campaign-response.usecases.ts';
import { pivotReport, profitReport } from './profit-report.usecases.ts';
import { writePivotSheet, writeProfitSheet, writeResponseSheet } from './segment-report-sheets.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const formatSchema = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

export function segmentReportsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const today = () => deps.clock.now().toISOString().slice(0, 10);
  const localeOf = async (workspaceId: string, lang: string | undefined) => lang ?? (await createWorkspacesRepository(base.db).getWorkspace(workspaceId))!.locale;
  /** Streams a spreadsheet; the route answers with the stream (typed as the file's text). */
  const file = (reply: { type(t: string): { header(k: string, v: string): unknown } }, name: string, format: SheetFormat, write: (out: Writable) => Promise<void>): string => {
    const out = new PassThrough();
    reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${name}-${today()}.${format}"`);
    write(out).catch((error: unknown) => out.destroy(error as Error));
    return out as unknown as string;
  };

  app.get('/reports/profit', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'Profit by segment (or any dimension) over time: revenue, profit, active customers, average order and frequency per period, with change', querystring: profitReportQuerySchema, response: { 200: profitReportSchema, ...errors(400, 401, 403) } },
  }, async (request) => profitReport(base, actorOf(request).workspaceId, request.query));

  app.get('/reports/profit/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'The profit report as CSV or XLSX', querystring: profitReportQuerySchema.extend(formatSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const { format, ...query } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const report = await profitReport(base, workspaceId, query);
    const locale = await localeOf(workspaceId, query.lang);
    return reply.send(file(reply, 'profit', format, (out) => writeProfitSheet(report, format, locale, out)));
  });

  app.get('/reports/pivot', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'A pivot: rows by a dimension, columns by period or another dimension, one figure per cell', querystring: pivotQuerySchema, response: { 200: pivotSchema, ...errors(400, 401, 403) } },
  }, async (request) => pivotReport(base, actorOf(request).workspaceId, request.query));

  app.get('/reports/pivot/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'The pivot as CSV or XLSX', querystring: pivotQuerySchema.extend(formatSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const { format, ...query } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const pivot = await pivotReport(base, workspaceId, query);
    const locale = await localeOf(workspaceId, query.lang);
    return reply.send(file(reply, 'pivot', format, (out) => writePivotSheet(pivot, query.rows, format, locale, out)));
  });

  app.get('/reports/campaigns/:campaignId/response', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: "Campaign response by segment: who of the campaign's target responded, with 95% intervals and the holdout's difference", params: campaignIdParamsSchema, querystring: campaignResponseQuerySchema, response: { 200: campaignResponseSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => campaignResponse(base, actorOf(request).workspaceId, request.params.campaignId, request.query));

  app.get('/reports/campaigns/:campaignId/response/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'The campaign response report as CSV or XLSX', params: campaignIdParamsSchema, querystring: campaignResponseQuerySchema.extend(formatSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const { format, ...query } = request.query;
    const workspaceId = actorOf(request).workspaceId;
    const report = await campaignResponse(base, workspaceId, request.params.campaignId, query);
    const locale = await localeOf(workspaceId, query.lang);
    return reply.send(file(reply, 'campaign-response', format, (out) => writeResponseSheet(report, format, locale, out)));
  });
}
