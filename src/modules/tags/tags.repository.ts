import type { Kysely } from 'kysely';
import type { DB, TagsTable } from '../../db/schema.ts';

export function createTagsRepository(db: Kysely<DB>) {
  return {
    async insertTag(row: TagsTable): Promise<void> {
      await db.insertInto('tags').values(row).execute();
    },

    async listTags(workspaceId: string) {
      return db.selectFrom('tags').select(['id', 'name', 'color']).where('workspace_id', '=', workspaceId).orderBy('name_key').execute();
    },

    async listTagsWithCounts(workspaceId: string) {
      return db
        .selectFrom('tags')
        .leftJoin('customer_tags', (join) =>
          join.onRef('customer_tags.workspace_id', '=', 'tags.workspace_id').onRef('customer_tags.tag_id', '=', 'tags.id'),
        )
        .leftJoin('customers', (join) =>
          join
            .onRef('customers.workspace_id', '=', 'customer_tags.workspace_id')
            .onRef('customers.id', '=', 'customer_tags.customer_id')
            .on('customers.deleted_at', 'is', null),
        )
        .select(['tags.id', 'tags.name', 'tags.color', (eb) => eb.fn.count<number>('customers.id').as('customers')])
        .where('tags.workspace_id', '=', workspaceId)
        .groupBy(['tags.id', 'tags.name', 'tags.color', 'tags.name_key'])
        .orderBy('tags.name_key')
        .execute();
    },

    async getTags(workspaceId: string, tagIds: string[]): Promise<TagsTable[]> {
      if (tagIds.length === 0) return [];
      return db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', tagIds).execute();
    },

    async updateTag(workspaceId: string, tagId: string, patch: Partial<Pick<TagsTable, 'name' | 'name_key' | 'color'>>): Promise<void> {
      await db.updateTable('tags').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', tagId).execute();
    },

    async deleteTag(workspaceId: string, tagId: string): Promise<void> {
      await db.deleteFrom('customer_tags').where('workspace_id', '=', workspaceId).where('tag_id', '=', tagId).execute();
      await db.deleteFrom('tags').where('workspace_id', '=', workspaceId).where('id', '=', tagId).execute();
    },

    /** Tags of many customers at once, for list pages. */
    async tagsOfCustomers(workspaceId: string, customerIds: string[]) {
      if (customerIds.length === 0) return [];
      return db
        .selectFrom('customer_tags')
        .innerJoin('tags', (join) => join.onRef('tags.workspace_id', '=', 'customer_tags.workspace_id').onRef('tags.id', '=', 'customer_tags.tag_id'))
        .select(['customer_tags.customer_id', 'tags.id', 'tags.name', 'tags.color'])
        .where('customer_tags.workspace_id', '=', workspaceId)
        .where('customer_tags.customer_id', 'in', customerIds)
        .orderBy('tags.name_key')
        .execute();
    },

    async addTags(workspaceId: string, customerIds: string[], tagIds: string[]): Promise<void> {
      const rows = customerIds.flatMap((customer_id) => tagIds.map((tag_id) => ({ workspace_id: workspaceId, customer_id, tag_id })));
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('customer_tags')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.columns(['workspace_id', 'customer_id', 'tag_id']).doNothing())
          .execute();
      }
    },

    async removeTags(workspaceId: string, customerIds: string[], tagIds: string[]): Promise<void> {
      if (customerIds.length === 0 || tagIds.length === 0) return;
      await db
        .deleteFrom('customer_tags')
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', customerIds)
        .where('tag_id', 'in', tagIds)
        .execute();
    },

    async tagIdsOf(workspaceId: string, customerId: string): Promise<string[]> {
      const rows = await db.selectFrom('customer_tags').select('tag_id').where('workspace_id', '=', workspaceId).where('customer_id', '=', customerId).execute();
      return rows.map((r) => r.tag_id);
    },
  };
}
