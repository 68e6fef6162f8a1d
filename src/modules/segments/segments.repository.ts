import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SegmentsTable, SegmentStatsTable } from '../../db/schema-segments.ts';
import type { SegmentRef } from '../filters/filter-compiler.ts';

/** Live customers of a workspace (alias c) matching a condition. */
const live = (workspaceId: string, where: Expression<SqlBool> | null) =>
  sql<SqlBool>`c.workspace_id = ${workspaceId} and c.deleted_at is null${where ? sql` and ${where}` : sql``}`;

export function createSegmentsRepository(db: Kysely<DB>) {
  return {
    async refs(workspaceId: string): Promise<SegmentRef[]> {
      return db.selectFrom('segments').select(['id', 'name', 'kind', 'filter']).where('workspace_id', '=', workspaceId).orderBy('name_key').execute();
    },
    async list(workspaceId: string): Promise<SegmentsTable[]> {
      return db.selectFrom('segments').selectAll().where('workspace_id', '=', workspaceId).orderBy('name_key').execute();
    },
    async get(workspaceId: string, id: string): Promise<SegmentsTable | undefined> {
      return db.selectFrom('segments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    },
    async byNameKey(workspaceId: string, nameKey: string): Promise<SegmentsTable | undefined> {
      return db.selectFrom('segments').selectAll().where('workspace_id', '=', workspaceId).where('name_key', '=', nameKey).executeTakeFirst();
    },
    async insert(row: SegmentsTable): Promise<void> {
      await db.insertInto('segments').values(row).execute();
    },
    async update(workspaceId: string, id: string, patch: Partial<Pick<SegmentsTable, 'name' | 'name_key' | 'description' | 'filter' | 'updated_at'>>): Promise<void> {
      await db.updateTable('segments').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },
    async remove(workspaceId: string, id: string): Promise<boolean> {
      await db.updateTable('campaigns').set({ target_segment_id: null }).where('workspace_id', '=', workspaceId).where('target_segment_id', '=', id).execute();
      const result = await db.deleteFrom('segments').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Freezes the members: every live customer matching now; then `holdout` of them drawn at random are kept back. */
    async freeze(workspaceId: string, segmentId: string, where: Expression<SqlBool> | null, holdoutShare: number): Promise<void> {
      await sql`insert into segment_members (workspace_id, segment_id, customer_id, holdout)
        select c.workspace_id, ${segmentId}, c.id, 0 from customers c where ${live(workspaceId, where)}`.execute(db);
      if (holdoutShare <= 0) return;
      const { n } = await db.selectFrom('segment_members').select(sql<number>`count(*)`.as('n')).where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).executeTakeFirstOrThrow();
      // At least one member stays targeted: a holdout of everyone measures nothing.
      const keep = Math.min(Math.round(Number(n) * holdoutShare), Number(n) - 1);
      if (keep <= 0) return;
      await sql`update segment_members set holdout = 1 where workspace_id = ${workspaceId} and segment_id = ${segmentId} and customer_id in (
        select customer_id from segment_members where workspace_id = ${workspaceId} and segment_id = ${segmentId} order by random() limit ${keep})`.execute(db);
    },

    /** Members now (live customers matching), holdout among them, and their trailing-365-day revenue. */
    async measure(workspaceId: string, where: Expression<SqlBool> | null, segmentId: string | null): Promise<{ customers: number; holdout: number; revenue365: number }> {
      const holdout = segmentId
        ? sql`coalesce(sum((select sm.holdout from segment_members sm where sm.workspace_id = c.workspace_id and sm.segment_id = ${segmentId} and sm.customer_id = c.id)), 0)`
        : sql`0`;
      const row = await sql<{ customers: number | string; holdout: number | string; revenue: number | string | null }>`
        select count(*) as customers, ${holdout} as holdout, coalesce(sum(m.revenue_365), 0) as revenue
        from customers c left join customer_metrics m on m.workspace_id = c.workspace_id and m.customer_id = c.id
        where ${live(workspaceId, where)}`.execute(db);
      const r = row.rows[0]!;
      return { customers: Number(r.customers), holdout: Number(r.holdout), revenue365: Number(r.revenue ?? 0) };
    },

    async count(workspaceId: string, where: Expression<SqlBool> | null): Promise<number> {
      const row = await sql<{ n: number | string }>`select count(*) as n from customers c where ${live(workspaceId, where)}`.execute(db);
      return Number(row.rows[0]!.n);
    },

    async recordStat(row: SegmentStatsTable): Promise<void> {
      await db.insertInto('segment_stats').values(row)
        .onConflict((oc) => oc.columns(['workspace_id', 'segment_id', 'day']).doUpdateSet({ customers: row.customers, revenue_365: row.revenue_365, total_revenue_365: row.total_revenue_365 }))
        .execute();
    },

    /** Each segment's measurement to compare with: the latest at least 28 days old, else the oldest before today. */
    async baselines(workspaceId: string, today: string, cutoff: string): Promise<SegmentStatsTable[]> {
      const rows = await db.selectFrom('segment_stats').selectAll().where('workspace_id', '=', workspaceId).where('day', '<', today).orderBy('segment_id').orderBy('day').execute();
      const bySegment = new Map<string, SegmentStatsTable>();
      for (const row of rows) {
        const chosen = bySegment.get(row.segment_id);
        if (!chosen || row.day <= cutoff) bySegment.set(row.segment_id, row);
      }
      return [...bySegment.values()];
    },
  };
}
