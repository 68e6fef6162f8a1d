import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startServer } from './serve.ts';

it('finishes requests in flight on shutdown, then closes the database', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-serve-'));
  const server = await startServer({ ...loadConfig({ RAPPORT_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), host: '127.0.0.1' });
  try {
    const body = JSON.stringify({ workspaceName: 'W', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'O', email: 'o@example.com', password: 'shutdown passphrase' });
    // The request is in flight: headers and half the body sent when stop() begins.
    const request = http.request(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const status = new Promise<number>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 20));
    await new Promise((r) => setTimeout(r, 100));
    const stopped = server.stop();
    await new Promise((r) => setTimeout(r, 50));
    request.end(body.slice(20));
    expect(await status).toBe(201);
    await stopped;
    await expect(server.database.db.selectFrom('users').selectAll().execute()).rejects.toThrow(/destroyed/);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow('fetch failed');
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
