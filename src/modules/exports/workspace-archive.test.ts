import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createTestDatabase, testDialects } from '../../db/testing.ts';
import { appliedMigrations } from '../../db/migrator.ts';
import { as, createTestApp, newWorkspace, setupBody, browserFrom } from '../../server/testing.ts';
import { exportWorkspaceArchive, restoreWorkspaceArchive } from './workspace-archive.ts';
import { storedLines } from '../transactions/transactions.repository.ts';

for (const target of testDialects) {
  it(`moves a whole workspace from SQLite to ${target} through one archive file`, async () => {
    const source = await createTestDatabase('sqlite');
    const destination = await createTestDatabase(target);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-archive-'));
    try {
      const app = await createTestApp(source.database);
      const setup = setupBody();
      const owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setup }));
      const post = async (url: string, payload: object) => (await app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(owner), payload })).json();
      const group = await post('/customers', { kind: 'organisation', name: 'Группа' });
      const child = await post('/customers', { kind: 'organisation', name: 'Дочка', parentId: group.id });
      const person = await post('/customers', { kind: 'person', firstName: 'Вера', lastName: 'Лес', contacts: [{ kind: 'email', value: 'vera@example.ru' }] });
      await post(`/customers/${person.id}/employments`, { organisationId: child.id, title: 'CFO' });
      await post('/campaigns', { name: 'Зима', costs: [{ spentOn: '2026-01-02', amountMinor: 5_000 }], codes: [{ code: 'ЗИМА10' }] });
      await app.inject({ method: 'PUT', url: `/api/v1/customers/${person.id}/referrer`, headers: as(owner), payload: { referrerId: child.id } });
      await post(`/customers/${person.id}/transactions`, { occurredAt: '2026-01-05T10:00:00Z', amountMinor: 72_100, externalId: 'A-1', campaign: 'зима10', lines: [{ description: 'Чай', quantity: 2, unitPrice: '360.50', amountMinor: 72_100 }] });
      await post(`/customers/${person.id}/activities`, { kind: 'note', body: 'Позвонить в марте' });
      await post(`/customers/${person.id}/activities`, { kind: 'complaint', body: 'Чай остыл' });
      await post(`/customers/${person.id}/thank-yous`, { kind: 'gift', occasion: 'purchase', givenOn: '2026-01-06', costMinor: 1_500 });
      await app.inject({ method: 'PUT', url: '/api/v1/email/settings', headers: as(owner), payload: { host: 'smtp.example.ru', port: 587, security: 'starttls', fromAddress: 'shop@example.ru' } });
      // A parent organisation created after its subsidiary: restore must not depend on the order.
      const holding = await post('/customers', { kind: 'organisation', name: 'Холдинг' });
      const groupNow = (await app.inject({ url: `/api/v1/customers/${group.id}`, headers: as(owner) })).json();
      await app.inject({ method: 'PATCH', url: `/api/v1/customers/${group.id}`, headers: as(owner), payload: { version: groupNow.version, parentId: holding.id } });
      const other = await newWorkspace(app, source.database, { workspaceName: 'Someone else' });
      await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(other), payload: { kind: 'person', name: 'Not exported' } });
      await app.close();

      const file = path.join(dir, 'shop.rapport.gz');
      const exported = await exportWorkspaceArchive(source.database.db, owner.workspaceId, file, await appliedMigrations(source.database));
      expect(exported.rows).toMatchObject({ workspaces: 1, users: 1, customers: 4, transactions: 1, activities: 2, employments: 1, thank_yous: 1, email_settings: 1, campaigns: 1, campaign_costs: 1, coupon_codes: 1, coupon_redemptions: 1 });
      expect(exported.rows.sources).toBeGreaterThan(10);

      const restored = await restoreWorkspaceArchive(destination.database.db, file);
      expect(restored.rows).toEqual(Object.fromEntries(Object.entries(exported.rows).filter(([, n]) => n! > 0)));
      const db = destination.database.db;
      const customers = await db.selectFrom('customers').select(['display_name', 'parent_id', 'id']).orderBy('display_name').execute();
      expect(customers.map((c) => c.display_name)).toEqual(['Вера Лес', 'Группа', 'Дочка', 'Холдинг']);
      expect(customers.find((c) => c.display_name === 'Группа')!.parent_id).toBe(holding.id);
      expect(customers.find((c) => c.display_name === 'Дочка')!.parent_id).toBe(group.id);
      const referred = await db.selectFrom('customers').select(['referred_by_id', 'campaign_id']).where('id', '=', person.id).executeTakeFirstOrThrow();
      expect(referred.referred_by_id).toBe(child.id);
      expect(referred.campaign_id).toBe((await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id);
      const sale = await db.selectFrom('transactions').select(['amount_minor', 'external_id', 'occurred_at', 'line_count', 'lines']).executeTakeFirstOrThrow();
      expect({ ...sale, lines: storedLines(sale.lines) }).toEqual({ amount_minor: 72_100, external_id: 'A-1', occurred_at: '2026-01-05T10:00:00.000Z', line_count: 1, lines: [{ key: 'Чай|2|360.50|72100:1', position: 1, productCode: null, description: 'Чай', quantity: 2, unitPrice: '360.50', amountMinor: 72_100 }] });

      expect(await db.selectFrom('activities').select(['kind', 'status']).where('kind', '=', 'complaint').execute()).toEqual([{ kind: 'complaint', status: 'open' }]);
      expect(await db.selectFrom('email_settings').select(['host', 'port']).execute()).toEqual([{ host: 'smtp.example.ru', port: 587 }]);

      // The owner signs in on the restored database, and sees the same profile.
      const restoredApp = await createTestApp(destination.database);
      const login = await restoredApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: setup.email, password: setup.password } });
      expect(login.statusCode).toBe(200);
      await restoredApp.close();

      await expect(restoreWorkspaceArchive(destination.database.db, file)).rejects.toMatchObject({ code: 'archive.workspace_exists' });
      fs.writeFileSync(path.join(dir, 'junk.gz'), 'not gzip at all');
      await expect(restoreWorkspaceArchive(destination.database.db, path.join(dir, 'junk.gz'))).rejects.toMatchObject({ code: 'archive.damaged' });
      await expect(restoreWorkspaceArchive(destination.database.db, path.join(dir, 'absent.gz'))).rejects.toMatchObject({ code: 'archive.missing' });
    } finally {
      await source.drop();
      await destination.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
}
