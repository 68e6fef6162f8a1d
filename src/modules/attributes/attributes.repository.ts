import type { Kysely } from 'kysely';
import type { AttributeDefinitionsTable, AttributeValuesTable, DB } from '../../db/schema.ts';

export function createAttributesRepository(db: Kysely<DB>) {
  return {
    async listDefinitions(workspaceId: string): Promise<AttributeDefinitionsTable[]> {
      return db.selectFrom('attribute_definitions').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('key').execute();
    },

    async insertDefinition(row: AttributeDefinitionsTable): Promise<void> {
      await db.insertInto('attribute_definitions').values(row).execute();
    },

    async updateDefinition(
      workspaceId: string,
      attributeId: string,
      patch: Partial<Pick<AttributeDefinitionsTable, 'label' | 'applies_to' | 'options' | 'position'>>,
    ): Promise<void> {
      await db.updateTable('attribute_definitions').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', attributeId).execute();
    },

    async deleteDefinition(workspaceId: string, attributeId: string): Promise<void> {
      await db.deleteFrom('attribute_values').where('workspace_id', '=', workspaceId).where('attribute_id', '=', attributeId).execute();
      await db.deleteFrom('attribute_definitions').where('workspace_id', '=', workspaceId).where('id', '=', attributeId).execute();
    },

    async deleteValuesWithText(workspaceId: string, attributeId: string, texts: string[]): Promise<void> {
      if (texts.length === 0) return;
      await db
        .deleteFrom('attribute_values')
        .where('workspace_id', '=', workspaceId)
        .where('attribute_id', '=', attributeId)
        .where('value_text', 'in', texts)
        .execute();
    },

    async valuesOf(workspaceId: string, customerIds: string[]): Promise<AttributeValuesTable[]> {
      if (customerIds.length === 0) return [];
      return db.selectFrom('attribute_values').selectAll().where('workspace_id', '=', workspaceId).where('customer_id', 'in', customerIds).execute();
    },

    async setValue(row: AttributeValuesTable): Promise<void> {
      await db
        .insertInto('attribute_values')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'customer_id', 'attribute_id']).doUpdateSet({
            value_text: row.value_text,
            value_number: row.value_number,
            value_date: row.value_date,
          }),
        )
        .execute();
    },

    async clearValue(workspaceId: string, customerId: string, attributeId: string): Promise<void> {
      await db
        .deleteFrom('attribute_values')
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', customerId)
        .where('attribute_id', '=', attributeId)
        .execute();
    },
  };
}
export type AttributesRepository = ReturnType<typeof createAttributesRepository>;
