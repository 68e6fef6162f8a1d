import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SourceRulesTable, SourceRuleTables } from './source-rules.defaults.ts';

/** The utm → source rules of a workspace (tables of migration 0008). */
export function createSourceRulesRepository(base: Kysely<DB>) {
  const db = base.withTables<SourceRuleTables>();
  return {
    async isSet(workspaceId: string): Promise<boolean> {
      return (await db.selectFrom('source_rule_sets').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst()) !== undefined;
    },

    /** Marks the rules as set; false when they were already (someone else seeded them first). */
    async claim(workspaceId: string, now: string): Promise<boolean> {
      const result = await db.insertInto('source_rule_sets').values({ workspace_id: workspaceId, updated_at: now }).onConflict((oc) => oc.column('workspace_id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async touch(workspaceId: string, now: string): Promise<void> {
      await db.insertInto('source_rule_sets').values({ workspace_id: workspaceId, updated_at: now }).onConflict((oc) => oc.column('workspace_id').doUpdateSet({ updated_at: now })).execute();
    },

    /** In order, with the source each names. */
    async list(workspaceId: string) {
      return db
        .selectFrom('source_rules as r')
        .innerJoin('sources as s', (j) => j.onRef('s.workspace_id', '=', 'r.workspace_id').onRef('s.id', '=', 'r.source_id'))
        .select(['r.utm_source', 'r.utm_medium', 'r.utm_campaign', 'r.source_id', 's.channel', 's.name'])
        .where('r.workspace_id', '=', workspaceId)
        .orderBy('r.position')
        .execute();
    },

    async replace(workspaceId: string, rows: SourceRulesTable[]): Promise<void> {
      await db.deleteFrom('source_rules').where('workspace_id', '=', workspaceId).execute();
      if (rows.length) await db.insertInto('source_rules').values(rows).execute();
    },

    async insert(rows: SourceRulesTable[]): Promise<void> {
      if (rows.length) await db.insertInto('source_rules').values(rows).execute();
    },

    /** The rules of a source moved to another (for a merge: otherwise deleting the source deletes its rules). */
    async moveRules(workspaceId: string, fromSourceId: string, toSourceId: string): Promise<void> {
      await db.updateTable('source_rules').set({ source_id: toSourceId }).where('workspace_id', '=', workspaceId).where('source_id', '=', fromSourceId).execute();
    },

    async sources(workspaceId: string) {
      return db.selectFrom('sources').select(['id', 'channel', 'name', 'channel_key', 'name_key']).where('workspace_id', '=', workspaceId).execute();
    },
  };
}
