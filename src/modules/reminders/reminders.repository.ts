import type { Kysely } from 'kysely';
import type { DB, DigestRunsTable, UserRemindersTable } from '../../db/schema.ts';

export function createRemindersRepository(db: Kysely<DB>) {
  return {
    settings: (workspaceId: string, userId: string) =>
      db.selectFrom('user_reminders').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst(),
    async saveSettings(row: UserRemindersTable): Promise<void> {
      const { workspace_id: _w, user_id: _u, ...rest } = row;
      await db.insertInto('user_reminders').values(row).onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet(rest)).execute();
    },
    workspaceZone: async (workspaceId: string) =>
      (await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow()).time_zone,
    /** The feed's owner by its secret's hash (any workspace: the caller checks the token's workspace part). */
    byCalendarHash: (hash: string) =>
      db
        .selectFrom('user_reminders as r')
        .innerJoin('users as u', (j) => j.onRef('u.workspace_id', '=', 'r.workspace_id').onRef('u.id', '=', 'r.user_id'))
        .innerJoin('workspaces as w', 'w.id', 'r.workspace_id')
        .select(['r.workspace_id', 'r.user_id', 'r.time_zone', 'u.name', 'u.locale', 'u.disabled_at', 'w.time_zone as workspace_time_zone'])
        .where('r.calendar_token_hash', '=', hash)
        .executeTakeFirst(),
    /** Open follow-ups of live customers assigned to the user or to the whole team. */
    openFollowUpsFor: (workspaceId: string, userId: string, limit: number) =>
      db
        .selectFrom('follow_ups as f')
        .innerJoin('customers as c', (j) => j.onRef('c.workspace_id', '=', 'f.workspace_id').onRef('c.id', '=', 'f.customer_id'))
        .select(['f.id', 'f.customer_id', 'f.due_on', 'f.kind', 'f.assignee_id', 'f.note', 'f.updated_at', 'c.display_name'])
        .where('f.workspace_id', '=', workspaceId)
        .where('f.status', '=', 'open')
        .where('c.deleted_at', 'is', null)
        .where((eb) => eb.or([eb('f.assignee_id', '=', userId), eb('f.assignee_id', 'is', null)]))
        .orderBy('f.due_on')
        .orderBy('f.id')
        .limit(limit)
        .execute(),

    /** Everyone who may get a digest: enabled, not disabled, in a workspace that can send email. Across workspaces: the scheduler's scan. */
    digestCandidates: () =>
      db
        .selectFrom('users as u')
        .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
        .innerJoin('email_settings as s', 's.workspace_id', 'u.workspace_id')
        .leftJoin('user_reminders as r', (j) => j.onRef('r.workspace_id', '=', 'u.workspace_id').onRef('r.user_id', '=', 'u.id'))
        .select(['u.workspace_id', 'u.id as user_id', 'u.email', 'u.name', 'u.locale', 'u.role', 'w.time_zone as workspace_time_zone', 'r.digest_enabled', 'r.digest_hour', 'r.time_zone'])
        .where('u.disabled_at', 'is', null)
        .where((eb) => eb.or([eb('r.digest_enabled', 'is', null), eb('r.digest_enabled', '=', 1)]))
        .orderBy('u.workspace_id')
        .orderBy('u.id')
        .execute(),
    digestRun: (workspaceId: string, userId: string, day: string) =>
      db.selectFrom('digest_runs').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('day', '=', day).executeTakeFirst(),
    /** The once-a-day lock: the primary key lets exactly one instance insert the day's row. */
    async claimNew(workspaceId: string, userId: string, day: string, now: string): Promise<boolean> {
      const result = await db
        .insertInto('digest_runs')
        .values({ workspace_id: workspaceId, user_id: userId, day, status: 'sending', items: 0, attempts: 1, last_error: null, claimed_at: now, sent_at: null })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'day']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    /** Takes back a run with attempts left: a failed one (after a pause), or one left 'sending' by an instance that died. Counts the attempt. */
    async claimAgain(workspaceId: string, userId: string, day: string, input: { now: string; retryBefore: string; staleBefore: string; maxAttempts: number }): Promise<boolean> {
      const result = await db
        .updateTable('digest_runs')
        .set((eb) => ({ status: 'sending', claimed_at: input.now, attempts: eb('attempts', '+', 1) }))
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .where('day', '=', day)
        .where('attempts', '<', input.maxAttempts)
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'failed'), eb('claimed_at', '<=', input.retryBefore)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', input.staleBefore)]),
        ]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async finishRun(workspaceId: string, userId: string, day: string, patch: Partial<Omit<DigestRunsTable, 'workspace_id' | 'user_id' | 'day'>>): Promise<void> {
      await db.updateTable('digest_runs').set(patch).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('day', '=', day).execute();
    },
  };
}
