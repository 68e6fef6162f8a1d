import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.ts';
import { createTestApp } from './testing.ts';
import type { App } from './types.ts';

describeEachDatabase('OpenAPI document', (db) => {
  let app: App;
  let doc: { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
  beforeAll(async () => {
    app = await createTestApp(db());
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every /api/v1 route with its responses, and a request body schema for writes', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const api = app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
    const problems: string[] = [];
    for (const { method, url } of api) {
      const path = url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[method.toLowerCase()];
      if (!operation) {
        problems.push(`missing ${method} ${path}`);
        continue;
      }
      if (!operation.responses['200'] && !operation.responses['201'] && !operation.responses['202']) problems.push(`no success schema: ${method} ${path}`);
      const hasBody = ['POST', 'PATCH', 'PUT'].includes(method) && !url.endsWith('/logout') && !url.endsWith('/restore') && !url.endsWith('/undo'); // actions that take no input
      if (hasBody && !operation.requestBody) problems.push(`no request body schema: ${method} ${path}`);
    }
    expect(api.length).toBeGreaterThanOrEqual(15);
    expect(problems).toEqual([]);
  });

  it('describes the error shape and field constraints', () => {
    const login = doc.paths['/api/v1/auth/login']!.post!;
    expect(JSON.stringify(login.responses['401'])).toContain('"code"');
    const setup = JSON.stringify(doc.paths['/api/v1/setup']!.post!.requestBody);
    expect(setup).toContain('"minLength":10');
  });

  it('serves browsable docs at /api/docs', async () => {
    const response = await app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });
});
