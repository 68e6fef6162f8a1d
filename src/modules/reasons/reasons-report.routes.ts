import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { localeSchema } from '../../contracts/common.ts';
import { exitReportSchema, reasonsReportQuerySchema, reasonsReportSchema } from '../../contracts/reasons.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { writeExitSheet, writeReasonsSheet } from './reasons-report.sheets.ts';
import { exitReport, reasonsReport } from './reasons-report.usecases.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const fileSchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: localeSchema.optional().describe("Column headers' language; the workspace's by default"),
});

export function reasonsReportRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  app.get('/reports/reasons', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'Why they choose us: per reason, customers who gave it in the period by tier, RFM segment and month', querystring: reasonsReportQuerySchema, response: { 200: reasonsReportSchema, ...errors(400, 401, 403) } },
  }, async (request) => reasonsReport(db, actorOf(request).workspaceId, request.query));

  app.get('/reports/exit-reasons', {
    config: { access: 'customers.read' },
    schema: { tags: ['reports'], summary: 'Why they left: per exit reason, customers by tier and month, and the value lost', querystring: reasonsReportQuerySchema, response: { 200: exitReportSchema, ...errors(400, 401, 403) } },
  }, async (request) => exitReport(db, actorOf(request).workspaceId, request.query));

  for (const [path, name, build, write] of [
    ['/reports/reasons/export', 'reasons', reasonsReport, writeReasonsSheet],
    ['/reports/exit-reasons/export', 'exit-reasons', exitReport, writeExitSheet],
  ] as const) {
    app.get(path, {
      config: { access: 'customers.read' },
      schema: { tags: ['reports'], summary: `The ${name === 'reasons' ? 'Reasons' : 'Exit reasons'} report as CSV or XLSX`, querystring: reasonsReportQuerySchema.extend(fileSchema.shape), response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
    }, async (request, reply) => {
      const { format, lang, ...period } = request.query;
      const workspaceId = actorOf(request).workspaceId;
      const report = await build(db, workspaceId, period);
      const locale = lang ?? (await createWorkspacesRepository(db).getWorkspace(workspaceId))!.locale;
      const out = new PassThrough();
      reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${name}-${today()}.${format}"`);
      (write as (r: typeof report, f: typeof format, l: string, o: PassThrough) => Promise<void>)(report, format, locale, out).catch((error: unknown) => out.destroy(error as Error));
      return reply.send(out as unknown as string);
    });
  }
}
