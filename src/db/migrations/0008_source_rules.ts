import { sql, type Kysely } from 'kysely';
import { defaultSourceRuleRows } from '../../modules/sources/source-rules.defaults.ts';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Rules that map utm values to a source (ordered, first match wins), with a row per workspace
 * saying its rules are set — seeded or edited — so that a list emptied on purpose stays empty.
 * Workspaces that exist already get the default rules, as new ones do on first use. And the
 * "referred by" cells of a customers import, kept until all its rows are in (a customer may be
 * referred by someone a later row adds), so a killed import resumes with them.
 */
export function sourceRules(dialect: DialectName) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('source_rule_sets')
        .addColumn('workspace_id', 'text', (c) => c.notNull().primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('source_rules')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('utm_source', 'text')
        .addColumn('utm_medium', 'text')
        .addColumn('utm_campaign', 'text')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('source_rules_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('source_rules_set_fk', ['workspace_id'], 'source_rule_sets', ['workspace_id'], (c) => c.onDelete('cascade'))
        .addForeignKeyConstraint('source_rules_source_fk', ['workspace_id', 'source_id'], 'sources', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('source_rules_position_idx').on('source_rules').columns(['workspace_id', 'position']).execute();
      await db.schema
        .createTable('import_referrals')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_referrals_pk', ['workspace_id', 'import_id', 'row_number'])
        .addForeignKeyConstraint('import_referrals_import_fk', ['workspace_id', 'import_id'], 'imports', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();

      const workspaces = await sql<{ id: string; created_at: string | Date }>`select id, created_at from workspaces`.execute(db);
      for (const w of workspaces.rows) {
        const at = new Date(w.created_at).toISOString();
        const sources = await sql<{ id: string; channel_key: string; name_key: string }>`select id, channel_key, name_key from sources where workspace_id = ${w.id}`.execute(db);
        await sql`insert into source_rule_sets (workspace_id, updated_at) values (${w.id}, ${at})`.execute(db);
        for (const r of defaultSourceRuleRows(w.id, sources.rows, new Date(at))) {
          await sql`insert into source_rules (workspace_id, id, position, utm_source, utm_medium, utm_campaign, source_id, created_at)
            values (${r.workspace_id}, ${r.id}, ${r.position}, ${r.utm_source}, ${r.utm_medium}, ${r.utm_campaign}, ${r.source_id}, ${r.created_at})`.execute(db);
        }
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('import_referrals').execute();
      await db.schema.dropIndex('source_rules_position_idx').execute();
      await db.schema.dropTable('source_rules').execute();
      await db.schema.dropTable('source_rule_sets').execute();
    },
  };
}
