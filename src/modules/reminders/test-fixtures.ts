import type { Database } from '../../db/connection.ts';
import type { FollowUpsTable } from '../../db/schema.ts';
import { as, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';
import { newId } from '../../shared/ids.ts';

/** A person through the API; returns its id. */
export async function addCustomer(app: App, browser: Browser, firstName: string, lastName: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(browser), payload: { kind: 'person', firstName, lastName } });
  if (response.statusCode !== 201) throw new Error(`creating ${firstName}: ${response.body}`);
  return response.json().id;
}

/** A follow-up row written directly (the tests need exact states, not the follow-ups API). */
export async function addFollowUp(database: Database, row: Pick<FollowUpsTable, 'workspace_id' | 'customer_id' | 'due_on'> & Partial<FollowUpsTable>): Promise<string> {
  const id = row.id ?? newId();
  const at = '2026-01-10T09:00:00.000Z';
  await database.db.insertInto('follow_ups').values({
    kind: 'call', assignee_id: null, note: null, status: 'open', skip_reason: null, rule: null, occasion_key: null, activity_id: null,
    done_at: null, done_by: null, done_activity_id: null, snoozed: 0, created_by: null, created_at: at, updated_at: at, ...row, id,
  }).execute();
  return id;
}

export async function configureSmtp(app: App, owner: Browser, port: number): Promise<void> {
  const response = await app.inject({ method: 'PUT', url: '/api/v1/email/settings', headers: as(owner), payload: { host: '127.0.0.1', port, security: 'none', fromAddress: 'shop@example.com', fromName: 'Acme Flowers', ratePerMinute: 30 } });
  if (response.statusCode !== 200) throw new Error(`SMTP settings: ${response.body}`);
}
