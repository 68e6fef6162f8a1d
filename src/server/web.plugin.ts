import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { sendError } from './errors.plugin.ts';
import type { App } from './types.ts';

/**
 * Serves the built web app: files from web/dist, and index.html for any other path so
 * the client-side router can take it. API paths never fall through to the app.
 */
export async function registerWebApp(app: App, distDir: string): Promise<void> {
  const built = fs.existsSync(path.join(distDir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: distDir, serve: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    if (file === 'api' || file.startsWith('api/')) {
      return sendError(reply, 404, 'route.not_found', `No such endpoint: ${request.method} /${file}`);
    }
    if (!built) {
      return sendError(reply, 503, 'web.not_built', 'The web app is not built yet: run `npm run build` (npm start does it for you)');
    }
    if (file && isFile(path.join(distDir, file))) {
      // Vite puts a content hash in every asset name, so they never change under the same URL.
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { maxAge: immutable ? '365d' : 0, immutable });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
