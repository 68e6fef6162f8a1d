import type { Kysely } from 'kysely';
import type { DB, SourcesTable } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';

export function createSourcesRepository(db: Kysely<DB>) {
  return {
    async insertSources(rows: SourcesTable[]): Promise<void> {
      if (rows.length) await db.insertInto('sources').values(rows).execute();
    },

    async listWithCounts(workspaceId: string) {
      return db
        .selectFrom('sources')
        .leftJoin('customers', (join) =>
          join
            .onRef('customers.workspace_id', '=', 'sources.workspace_id')
            .onRef('customers.source_id', '=', 'sources.id')
            .on('customers.deleted_at', 'is', null)
            .on('customers.merged_into_id', 'is', null),
        )
        .select(['sources.id', 'sources.channel', 'sources.name', (eb) => eb.fn.count<number | string>('customers.id').as('customers')])
        .where('sources.workspace_id', '=', workspaceId)
        .groupBy(['sources.id', 'sources.channel', 'sources.name', 'sources.channel_key', 'sources.name_key'])
        .orderBy('sources.channel_key')
        .orderBy('sources.name_key')
        .execute();
    },

    async getSource(workspaceId: string, sourceId: string): Promise<SourcesTable | undefined> {
      return db.selectFrom('sources').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', sourceId).executeTakeFirst();
    },

    async updateSource(workspaceId: string, sourceId: string, patch: Partial<Pick<SourcesTable, 'channel' | 'channel_key' | 'name' | 'name_key'>>): Promise<void> {
      await db.updateTable('sources').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', sourceId).execute();
    },

    /** Customers of a source, deleted and merged ones included (they keep pointing at a source that exists). */
    async countCustomers(workspaceId: string, sourceId: string): Promise<number> {
      const row = await db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('source_id', '=', sourceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Ids of the live customers a move touches, for their history. */
    async customersOf(workspaceId: string, sourceId: string): Promise<string[]> {
      const rows = await db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('source_id', '=', sourceId).where('deleted_at', 'is', null).execute();
      return rows.map((r) => r.id);
    },

    async moveCustomers(workspaceId: string, fromId: string, toId: string, now: string): Promise<void> {
      await db.updateTable('customers').set({ source_id: toId, updated_at: now }).where('workspace_id', '=', workspaceId).where('source_id', '=', fromId).execute();
    },

    async deleteSource(workspaceId: string, sourceId: string): Promise<void> {
      await db.deleteFrom('sources').where('workspace_id', '=', workspaceId).where('id', '=', sourceId).execute();
    },

    async acquisitionOf(workspaceId: string, customerIds: string[]) {
      const out = [];
      for (const chunk of chunked(customerIds, 1)) {
        out.push(...(await db
          .selectFrom('customers')
          .leftJoin('sources', (join) => join.onRef('sources.workspace_id', '=', 'customers.workspace_id').onRef('sources.id', '=', 'customers.source_id'))
          .leftJoin('campaigns', (join) => join.onRef('campaigns.workspace_id', '=', 'customers.workspace_id').onRef('campaigns.id', '=', 'customers.campaign_id'))
          .select(['customers.id as customerId', 'customers.acquired_on', 'sources.id as sourceId', 'sources.channel', 'sources.name', 'campaigns.id as campaignId', 'campaigns.name as campaignName'])
          .where('customers.workspace_id', '=', workspaceId)
          .where('customers.id', 'in', chunk)
          .where('customers.deleted_at', 'is', null)
          .execute()));
      }
      return out;
    },

    async setAcquisition(workspaceId: string, customerIds: string[], patch: { source_id: string | null; acquired_on?: string | null; campaign_id?: string | null }, now: string): Promise<void> {
      for (const chunk of chunked(customerIds, 1)) {
        await db
          .updateTable('customers')
          .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', chunk)
          .where('deleted_at', 'is', null)
          .execute();
      }
    },
  };
}
