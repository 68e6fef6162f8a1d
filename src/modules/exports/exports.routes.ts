import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { listCustomersQuerySchema } from '../../contracts/customers.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { listCustomers } from '../customers/customer-list.usecases.ts';
import { exportCustomers, exportTransactions } from './exports.usecases.ts';
import type { SheetFormat } from './sheet-writers.ts';

const CONTENT_TYPES: Record<SheetFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const formatSchema = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

export function exportsRoutes(app: App, deps: AppDeps): void {
  const base = { db: deps.database.db, clock: deps.clock };
  const download = (name: string, format: SheetFormat) => ({ type: CONTENT_TYPES[format], disposition: `attachment; filename="${name}-${deps.clock.now().toISOString().slice(0, 10)}.${format}"` });

  app.get('/customers/export', {
    config: { access: 'customers.read' },
    schema: {
      tags: ['exports'],
      summary: 'The customer list (same filters, search and sort as /customers) as CSV or XLSX, every row',
      querystring: listCustomersQuerySchema.omit({ limit: true, cursor: true }).extend(formatSchema.shape),
      response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const { format, ...query } = request.query;
    const out = new PassThrough();
    const file = download('customers', format);
    reply.type(file.type).header('content-disposition', file.disposition);
    // A bad filter or sort is refused before the download starts (after that, a failure can only cut the stream).
    await listCustomers(base, actorOf(request), { ...query, limit: 1 });
    const writing = exportCustomers(base, actorOf(request), { ...query, limit: 500 }, format, out);
    writing.catch((error: unknown) => out.destroy(error as Error));
    return reply.send(out as unknown as string);
  });

  app.get('/transactions/export', {
    config: { access: 'customers.read' },
    schema: { tags: ['exports'], summary: 'Every transaction of the workspace as CSV or XLSX', querystring: formatSchema, response: { 200: z.string().describe('The file'), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const out = new PassThrough();
    const file = download('transactions', request.query.format);
    reply.type(file.type).header('content-disposition', file.disposition);
    exportTransactions(base, actorOf(request), request.query.format, out).catch((error: unknown) => out.destroy(error as Error));
    return reply.send(out as unknown as string);
  });
}
