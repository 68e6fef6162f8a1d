import fs from 'node:fs';
import { migrations } from '../db/migrations/registry.ts';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../server/serve.ts';
import { VERSION } from '../version.ts';
import { rapport } from './testing.ts';

describe('rapport CLI (SQLite file)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));
    env = { RAPPORT_DATA_DIR: dataDir };
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists its commands', async () => {
    const { code, stdout } = await rapport(['--help'], env);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'user', 'workspace', 'backup', 'import', 'export', 'restore', 'version']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('prints its version', async () => {
    expect((await rapport(['version'], env)).stdout.trim()).toBe(VERSION);
  });

  it('creates and migrates the database', async () => {
    const { code, stdout } = await rapport(['migrate'], env);
    expect(code).toBe(0);
    expect(stdout).toContain(`is up to date: ${Object.keys(migrations('sqlite')).length} migration(s) applied`);
    expect(fs.existsSync(path.join(dataDir, 'rapport.db'))).toBe(true);
  });

  it('says there is no workspace yet when creating a user too early', async () => {
    const { code, stderr } = await rapport(['user', 'create', '--email', 'a@example.com', '--name', 'A'], env);
    expect(code).toBe(3);
    expect(stderr).toContain('There is no workspace yet');
  });

  it('creates a workspace and users, reading a password from stdin', async () => {
    const ws = await rapport(['workspace', 'create', '--name', 'Cafe', '--owner-email', 'boss@example.com', '--owner-name', 'Boss', '--currency', 'rub', '--locale', 'ru', '--time-zone', 'Europe/Moscow', '--password-stdin'], env, 'owner passphrase\n');
    expect(ws.code).toBe(0);
    expect(ws.stdout).toContain('Created workspace Cafe');
    const user = await rapport(['user', 'create', '--email', 'Staff@Example.com', '--name', 'Staff', '--role', 'viewer'], env);
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/Created viewer Staff <staff@example.com>/);
    expect(user.stdout).toMatch(/Password \(shown once.*\): \S{20}/);
    const list = await rapport(['user', 'list'], env);
    expect(list.stdout.trim().split('\n').toSorted()).toEqual(['boss@example.com\towner\tBoss', 'staff@example.com\tviewer\tStaff']);
  });

  it('explains invalid input field by field, with exit code 3', async () => {
    const { code, stderr } = await rapport(['user', 'create', '--email', 'not-an-email', '--name', 'X', '--role', 'king'], env);
    expect(code).toBe(3);
    expect(stderr).toContain('email:');
    expect(stderr).toContain('role:');
  });

  it('refuses a duplicate email with exit code 4', async () => {
    const { code, stderr } = await rapport(['user', 'create', '--email', 'boss@example.com', '--name', 'Again'], env);
    expect(code).toBe(4);
    expect(stderr).toContain('users.email_taken');
  });

  it('prints the pg_dump command for PostgreSQL, without the password', async () => {
    const { code, stdout } = await rapport(['backup'], { ...env, DATABASE_URL: 'postgres://rapport:s3cret@db.internal:5432/rapport' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/pg_dump --format=custom --no-owner --file=rapport-\d{4}-\d{2}-\d{2}\.dump "\$DATABASE_URL"/);
    expect(stdout).not.toContain('s3cret');
  });
});

describe('rapport backup while the app is writing', () => {
  let dataDir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-backup-'));
    server = await startServer({ ...loadConfig({ RAPPORT_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a consistent, complete snapshot', async () => {
    const setup = await server.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { workspaceName: 'Live', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'O', email: 'o@example.com', password: 'live passphrase' },
    });
    const cookie = `rapport_session=${setup.cookies[0]!.value}`;
    const csrf = setup.json().csrfToken as string;
    const state = { writing: true, written: 0 };
    const writer = (async () => {
      while (state.writing) {
        await server.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie, 'x-csrf-token': csrf }, payload: { kind: 'person', name: `C${state.written}` } });
        state.written++;
      }
    })();
    while (state.written < 20) await new Promise((r) => setTimeout(r, 5));
    const out = path.join(dataDir, 'copy.db');
    const result = await rapport(['backup', '--out', out], { RAPPORT_DATA_DIR: dataDir });
    state.writing = false;
    await writer;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('integrity ok');
    const copy = new SqliteDatabase(out, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const inCopy = (copy.prepare('select count(*) as n from customers').get() as { n: number }).n;
      expect(inCopy).toBeGreaterThanOrEqual(20);
      expect(inCopy).toBeLessThanOrEqual(state.written);
      expect((copy.prepare('select count(*) as n from users').get() as { n: number }).n).toBe(1);
    } finally {
      copy.close();
    }
    const again = await rapport(['backup', '--out', out], { RAPPORT_DATA_DIR: dataDir });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists');
  });
});
