import type { Kysely } from 'kysely';
import type { DB, EmailMessagesTable, EmailSettingsTable, EmailTemplatesTable, EmailUnsubscribesTable } from '../../db/schema.ts';

/** All of email's SQL. Every function takes the workspace, except the sender's and the public token's look-ups. */
export function createEmailRepository(db: Kysely<DB>) {
  return {
    getSettings: (workspaceId: string) => db.selectFrom('email_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),
    async saveSettings(row: EmailSettingsTable): Promise<void> {
      const { workspace_id: _w, ...rest } = row;
      await db.insertInto('email_settings').values(row).onConflict((oc) => oc.column('workspace_id').doUpdateSet(rest)).execute();
    },
    templates: (workspaceId: string) => db.selectFrom('email_templates').selectAll().where('workspace_id', '=', workspaceId).execute(),
    getTemplate: (workspaceId: string, purpose: string, locale: string) =>
      db.selectFrom('email_templates').selectAll().where('workspace_id', '=', workspaceId).where('purpose', '=', purpose as never).where('locale', '=', locale).executeTakeFirst(),
    async saveTemplate(row: EmailTemplatesTable): Promise<void> {
      await db.insertInto('email_templates').values(row).onConflict((oc) => oc.columns(['workspace_id', 'purpose', 'locale']).doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at })).execute();
    },
    /** What a message needs of a customer: names, language, first email, consent, last purchase. */
    recipients: (workspaceId: string, customerIds: string[]) =>
      db
        .selectFrom('customers as c')
        .select(['c.id', 'c.display_name', 'c.first_name', 'c.last_name', 'c.preferred_language', 'c.consent_given', 'c.last_purchase_at', 'c.referred_by_id'])
        .select((eb) => [
          eb.selectFrom('customer_contacts as k').select('k.value').whereRef('k.workspace_id', '=', 'c.workspace_id').whereRef('k.customer_id', '=', 'c.id').where('k.kind', '=', 'email').orderBy('k.position').limit(1).as('email'),
          eb.selectFrom('customers as r').select('r.display_name').whereRef('r.workspace_id', '=', 'c.workspace_id').whereRef('r.referred_by_id', '=', 'c.id').where('r.deleted_at', 'is', null).orderBy('r.created_at', 'desc').limit(1).as('referred_name'),
          eb.selectFrom('customers as b').select('b.display_name').whereRef('b.workspace_id', '=', 'c.workspace_id').whereRef('b.id', '=', 'c.referred_by_id').limit(1).as('referrer_name'),
        ])
        .where('c.workspace_id', '=', workspaceId)
        .where('c.id', 'in', customerIds)
        .where('c.deleted_at', 'is', null)
        .execute(),
    workspace: (workspaceId: string) => db.selectFrom('workspaces').select(['id', 'name', 'locale', 'time_zone']).where('id', '=', workspaceId).executeTakeFirstOrThrow(),
    unsubscribedKeys: async (workspaceId: string, keys: string[]) =>
      keys.length === 0 ? new Set<string>() : new Set((await db.selectFrom('email_unsubscribes').select('address_key').where('workspace_id', '=', workspaceId).where('address_key', 'in', keys).execute()).map((r) => r.address_key)),
    async insertMessage(row: EmailMessagesTable): Promise<void> {
      await db.insertInto('email_messages').values(row).execute();
    },
    getMessage: (workspaceId: string, id: string) => db.selectFrom('email_messages').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst(),
    listMessages: (workspaceId: string, filter: { customerId?: string; status?: string; limit: number }) => {
      let q = db.selectFrom('email_messages').selectAll().where('workspace_id', '=', workspaceId);
      if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
      if (filter.status) q = q.where('status', '=', filter.status as never);
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
    /** Queued messages whose time has come, and 'sending' ones whose sender died. */
    dueMessages: (now: string, staleBefore: string, limit: number) =>
      db
        .selectFrom('email_messages')
        .select(['workspace_id', 'id'])
        .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)])]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute(),
    /** One instance wins a message: the UPDATE matches only while it is still unclaimed (or abandoned). */
    async claim(workspaceId: string, id: string, now: string, staleBefore: string): Promise<boolean> {
      const result = await db
        .updateTable('email_messages')
        .set({ status: 'sending', claimed_at: now, updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)])]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateMessage(workspaceId: string, id: string, patch: Partial<EmailMessagesTable>): Promise<void> {
      await db.updateTable('email_messages').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },
    sentSince: async (workspaceId: string, since: string) =>
      Number((await db.selectFrom('email_messages').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', workspaceId).where('sent_at', '>=', since).executeTakeFirstOrThrow()).n),
    messageByToken: (token: string) => db.selectFrom('email_messages').selectAll().where('unsubscribe_token', '=', token).executeTakeFirst(),
    async unsubscribe(row: EmailUnsubscribesTable): Promise<void> {
      await db.insertInto('email_unsubscribes').values(row).onConflict((oc) => oc.columns(['workspace_id', 'address_key']).doNothing()).execute();
    },
    statusesOfActivities: async (workspaceId: string, activityIds: string[]) =>
      activityIds.length === 0 ? [] : db.selectFrom('email_messages').select(['activity_id', 'id', 'status', 'last_error', 'to_address']).where('workspace_id', '=', workspaceId).where('activity_id', 'in', activityIds).execute(),
  };
}
export type EmailRepository = ReturnType<typeof createEmailRepository>;
