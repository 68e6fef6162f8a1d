import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * How we thanked them and asking them directly: the thank-you log, the workspace's rules for
 * who is owed thanks (JSON settings) and the thanks they produced (each once per rule and
 * occasion, until done or dismissed), one-question surveys behind a hashed single-use token,
 * the win-back actions taken, and complaints as timeline items with a status and resolution.
 */
export function thanksSurveys(dialect: DialectName) {
  const t = columnTypes(dialect);
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('thank_yous')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occasion', 'text', (c) => c.notNull())
        .addColumn('given_on', 'text', (c) => c.notNull())
        .addColumn('cost_minor', money)
        .addColumn('currency', 'text')
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('email_message_id', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('thank_yous_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('thank_yous_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('thank_yous_customer_idx').on('thank_yous').columns(['workspace_id', 'customer_id', 'given_on']).execute();
      await db.schema.createIndex('thank_yous_day_idx').on('thank_yous').columns(['workspace_id', 'given_on']).execute();
      await db.schema
        .createTable('thank_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('owed_thanks')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('occasion_key', 'text', (c) => c.notNull())
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('dismiss_reason', 'text')
        .addColumn('thank_you_id', 'text')
        .addColumn('resolved_at', t.timestamp)
        .addColumn('resolved_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('owed_thanks_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('owed_thanks_occasion_uq', ['workspace_id', 'rule', 'occasion_key'])
        .addForeignKeyConstraint('owed_thanks_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('owed_thanks_status_idx').on('owed_thanks').columns(['workspace_id', 'status', 'occurred_on']).execute();
      await db.schema.createIndex('owed_thanks_customer_idx').on('owed_thanks').columns(['workspace_id', 'customer_id']).execute();
      await db.schema
        .createTable('survey_invitations')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .addColumn('email_message_id', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('survey_invitations_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('survey_invitations_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('survey_invitations_token_idx').on('survey_invitations').column('token_hash').unique().execute();
      await db.schema.createIndex('survey_invitations_customer_idx').on('survey_invitations').columns(['workspace_id', 'customer_id']).execute();
      await db.schema
        .createTable('winback_actions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('taken_by', 'text')
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('winback_actions_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('winback_actions_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('winback_actions_customer_idx').on('winback_actions').columns(['workspace_id', 'customer_id', 'at']).execute();
      await complaintsOnTimeline(db, dialect, t.timestamp);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await sql`delete from activities where kind = 'complaint'`.execute(db);
      for (const column of ['resolved_by', 'resolved_at', 'resolution', 'status']) await db.schema.alterTable('activities').dropColumn(column).execute();
      await db.schema.dropTable('winback_actions').execute();
      await db.schema.dropTable('survey_invitations').execute();
      await db.schema.dropTable('owed_thanks').execute();
      await db.schema.dropTable('thank_settings').execute();
      await db.schema.dropTable('thank_yous').execute();
    },
  };
}

const KINDS = sql`kind in ('note', 'call', 'email', 'meeting', 'complaint', 'other')`;

/**
 * 'complaint' joins the activity kinds, with a status, resolution, when and by whom. PostgreSQL
 * swaps the check constraint; SQLite cannot alter one, so the table is rebuilt (nothing refers to it).
 */
async function complaintsOnTimeline(db: Kysely<unknown>, dialect: DialectName, timestamp: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table activities drop constraint activities_kind_check`.execute(db);
    await sql`alter table activities add constraint activities_kind_check check (${KINDS})`.execute(db);
    for (const [column, type] of [['status', 'text'], ['resolution', 'text'], ['resolved_at', timestamp], ['resolved_by', 'text']] as const) {
      await db.schema.alterTable('activities').addColumn(column, sql.raw(type)).execute();
    }
    return;
  }
  await db.schema
    .createTable('activities_rebuilt')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addPrimaryKeyConstraint('activities_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('activities_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addCheckConstraint('activities_kind_check', KINDS)
    .execute();
  await sql`insert into activities_rebuilt (workspace_id, id, customer_id, kind, occurred_at, author_id, body, created_at, updated_at)
    select workspace_id, id, customer_id, kind, occurred_at, author_id, body, created_at, updated_at from activities`.execute(db);
  await db.schema.dropTable('activities').execute();
  await sql`alter table activities_rebuilt rename to activities`.execute(db);
  await db.schema.createIndex('activities_customer_idx').on('activities').columns(['workspace_id', 'customer_id', 'occurred_at']).execute();
}
