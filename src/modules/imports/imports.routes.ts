import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  customerInspectionSchema,
  customerInspectRequestSchema,
  importIdParamsSchema,
  importListSchema,
  importSchema,
  inspectionSchema,
  inspectRequestSchema,
  rejectionPageSchema,
  rejectionQuerySchema,
  resubmitResultSchema,
  resubmitSchema,
  startCustomerImportSchema,
  startImportSchema,
  undoOutcomeSchema,
  uploadSchema,
} from '../../contracts/imports.ts';
import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import { undoImport } from './import-undo.usecases.ts';
import { actorOf } from '../../server/auth.plugin.ts';
import { attachment } from '../../server/content-disposition.ts';
import { errors } from '../../server/responses.ts';
import type { App, AppDeps } from '../../server/types.ts';
import { createJobRunner, type JobDeps } from './import-job-runner.ts';
import { getImportJob, inspectCustomerUpload, inspectUpload, startCustomerImport, listImportJobs, rejectionPage, resubmitRows, saveUpload, startImport } from './import-jobs.usecases.ts';
import { rejectedRowsCsv } from './rejected-rows.ts';

export function importsRoutes(app: App, deps: AppDeps): void {
  const jobs = createJobRunner();
  app.addHook('onClose', () => jobs.stop());
  const base: JobDeps = { db: deps.database.db, clock: deps.clock, dataDir: deps.config.dataDir, log: (message, error) => app.log.error({ err: error }, message), jobs };
  // Uploads arrive as the raw file, streamed to disk: no size cap.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post('/imports/uploads', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['imports'],
      summary: 'Upload a file to import (the raw bytes as application/octet-stream; its name in ?name=)',
      consumes: ['application/octet-stream'],
      querystring: z.object({ name: z.string().max(300).default('upload') }),
      body: z.unknown().describe("The file's raw bytes"),
      response: { 201: uploadSchema, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return saveUpload(base, actorOf(request), request.body as Readable, request.query.name);
  });

  app.post('/imports/inspect', {
    config: { access: 'customers.write' },
    schema: { tags: ['imports'], summary: 'How Rapport reads an uploaded file: format, proposed column mapping, a preview of the first rows', body: inspectRequestSchema, response: { 200: inspectionSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => inspectUpload(base, actorOf(request), request.body));

  app.post('/imports', {
    config: { access: 'customers.write' },
    schema: { tags: ['imports'], summary: 'Start an import (or a dry run) of an uploaded file, as a background job', body: startImportSchema, response: { 202: importSchema, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    reply.code(202);
    return startImport(base, actorOf(request), request.body);
  });

  app.post('/imports/customers/inspect', {
    config: { access: 'customers.write' },
    schema: { tags: ['imports'], summary: 'How Rapport reads an uploaded customers file: format, proposed fields and attributes, the first rows checked', body: customerInspectRequestSchema, response: { 200: customerInspectionSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => inspectCustomerUpload(base, actorOf(request), request.body));

  app.post('/imports/customers', {
    config: { access: 'customers.write' },
    schema: { tags: ['imports'], summary: 'Start a customers import (or a dry run) of an uploaded file, as a background job', body: startCustomerImportSchema, response: { 202: importSchema, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    reply.code(202);
    return startCustomerImport(base, actorOf(request), request.body);
  });

  app.post('/imports/:importId/undo', {
    config: { access: 'customers.write' },
    schema: {
      tags: ['imports'],
      summary: 'Undo an import: the transactions and customers it created are removed, what it changed is put back (one transaction)',
      params: importIdParamsSchema,
      response: { 200: undoOutcomeSchema, ...errors(401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const outcome = await undoImport(base, actor.workspaceId, request.params.importId, actor.userId);
    await purchasesChanged(base, actor.workspaceId, null);
    return outcome;
  });

  app.get('/imports', {
    config: { access: 'customers.read' },
    schema: { tags: ['imports'], summary: 'Recent imports, newest first', response: { 200: importListSchema, ...errors(401, 403) } },
  }, async (request) => ({ items: await listImportJobs(base, actorOf(request)) }));

  app.get('/imports/:importId', {
    config: { access: 'customers.read' },
    schema: { tags: ['imports'], summary: 'An import: status, progress and counts', params: importIdParamsSchema, response: { 200: importSchema, ...errors(401, 403, 404) } },
  }, async (request) => getImportJob(base, actorOf(request), request.params.importId));

  app.get('/imports/:importId/rejections', {
    config: { access: 'customers.read' },
    schema: { tags: ['imports'], summary: 'Rejected rows with the reason for each bad cell', params: importIdParamsSchema, querystring: rejectionQuerySchema, response: { 200: rejectionPageSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => rejectionPage(base, actorOf(request), request.params.importId, request.query.after, request.query.limit));

  app.get('/imports/:importId/rejections.csv', {
    config: { access: 'customers.read' },
    schema: { tags: ['imports'], summary: 'Rejected rows as CSV with an "error" column, to fix and import again', params: importIdParamsSchema, response: { 200: z.string().describe('text/csv'), ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const job = await getImportJob(base, actor, request.params.importId);
    reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${job.fileName.replace(/\.(csv|txt|tsv|gz|xlsx)$/gi, '')}.rejected.csv`));
    return reply.send(Readable.from(rejectedRowsCsv(base.db, actor.workspaceId, job.id, job.headers)) as unknown as string);
  });

  app.post('/imports/:importId/resubmit', {
    config: { access: 'customers.write' },
    schema: { tags: ['imports'], summary: 'Send fixed rejected rows again: good ones go in, the rest stay with new reasons', params: importIdParamsSchema, body: resubmitSchema, response: { 200: resubmitResultSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => resubmitRows(base, actorOf(request), request.params.importId, request.body));
}
