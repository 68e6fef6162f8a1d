import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { as, browserFrom, createTestApp, setupBody } from '../server/testing.ts';
import { rapport } from './testing.ts';

/** `rapport email test --to` through a real SMTP server started here. */
describe('rapport email test', () => {
  let dir: string;
  let env: Record<string, string>;
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo: (address, _session, cb) => { received.push(address.address); cb(); },
    onData: (stream, _session, cb) => { stream.resume(); stream.on('end', () => cb()); },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-email-cli-'));
    env = { RAPPORT_DATA_DIR: dir };
    const database = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrateToLatest(database);
    const app = await createTestApp(database);
    const owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    await app.inject({ method: 'PUT', url: '/api/v1/email/settings', headers: as(owner), payload: { host: '127.0.0.1', port, security: 'none', fromAddress: 'shop@example.com' } });
    await app.close();
    await database.close();
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends and prints the server's answer", async () => {
    const { code, stdout, stderr } = await rapport(['email', 'test', '--to', 'me@example.com'], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/Sent to me@example.com: 250/);
    expect(received).toContain('me@example.com');
  });
});
