import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldIssue } from '../contracts/common.ts';
import { isAppError } from '../shared/errors.ts';
import type { App } from './types.ts';

/** Fastify's own failures, given stable codes in our shape. */
const FASTIFY_CODES: Record<string, { code: string; status: number; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', status: 400, message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', status: 400, message: 'The request body is empty but declared as JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', status: 413, message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', status: 415, message: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.bad_content_length', status: 400, message: 'Content-Length does not match the body' },
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

export function registerErrorHandling(app: App): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) {
      if (error.status === 429) {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
      }
      return sendError(reply, error.status, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldIssue[] = error.validation.map((issue) => ({
        path: issue.instancePath.split('/').filter(Boolean).join('.') || String(error.validationContext ?? 'body'),
        code: issueCode(issue.keyword, issue.params),
        message: issue.message ?? 'Invalid value',
        params: pickParams(issue.params),
      }));
      return sendError(reply, 400, 'request.invalid', 'Some fields are not valid', { fields });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendError(reply, known.status, known.code, known.message);
    if (isResponseSerializationError(error)) request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    else if (error.statusCode && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'request.rejected', error.message);
    } else request.log.error({ err: error }, 'unhandled error');
    // Never a stack trace or internal message to the client: the request id finds it in the log.
    return sendError(reply, 500, 'internal.error', 'Something went wrong on our side', { requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'route.not_found', `No such endpoint: ${request.method} ${request.url.split('?')[0]}`),
  );
}

/** Zod's issue code, made specific where the UI needs it (invalid_email, unknown_currency). */
function issueCode(keyword: string, params: Record<string, unknown>): string {
  if (keyword === 'invalid_format' && typeof params.format === 'string') return `invalid_${params.format}`;
  const custom = (params.params as { code?: unknown } | undefined)?.code;
  if (keyword === 'custom' && typeof custom === 'string') return custom;
  return keyword;
}

function pickParams(params: Record<string, unknown>): Record<string, unknown> | undefined {
  const picked: Record<string, unknown> = {};
  for (const key of ['minimum', 'maximum', 'origin', 'format', 'values', 'expected']) {
    const value = params[key];
    if (value !== undefined) picked[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  return Object.keys(picked).length ? picked : undefined;
}
