import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Today and follow-ups: dated tasks on a customer (by hand, or raised once per occasion by the
 * workspace's rules), the rules (JSON settings), items of the Today queue marked done that have
 * no state of their own (a drifting customer called, a birthday greeted), each user's reminder
 * settings (digest hour, time zone, hashed calendar-feed secret) and the daily digests, one row
 * per user and day: inserting it is the lock that makes the digest go out once.
 */
export function followUps(dialect: DialectName) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('follow_ups')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('skip_reason', 'text')
        .addColumn('rule', 'text')
        .addColumn('occasion_key', 'text')
        // The occasion's day (first purchase, expected purchase, resolution, the date), for the reason shown.
        .addColumn('occasion_on', 'text')
        .addColumn('activity_id', 'text')
        .addColumn('done_at', t.timestamp)
        .addColumn('done_by', 'text')
        .addColumn('done_activity_id', 'text')
        .addColumn('snoozed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('follow_ups_pk', ['workspace_id', 'id'])
        .addCheckConstraint('follow_ups_kind_check', sql`kind in ('call', 'email', 'visit', 'other')`)
        .addCheckConstraint('follow_ups_status_check', sql`status in ('open', 'done', 'skipped')`)
        .addUniqueConstraint('follow_ups_occasion_uq', ['workspace_id', 'rule', 'occasion_key'])
        .addForeignKeyConstraint('follow_ups_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      // Covering for the Today queue's follow-ups due (the page is chosen without visiting the rows).
      await db.schema.createIndex('follow_ups_due_idx').on('follow_ups').columns(['workspace_id', 'status', 'due_on', 'assignee_id', 'customer_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('follow_ups_assignee_idx').on('follow_ups').columns(['workspace_id', 'assignee_id', 'status', 'due_on']).execute();
      await db.schema.createIndex('follow_ups_customer_idx').on('follow_ups').columns(['workspace_id', 'customer_id', 'status', 'due_on']).execute();
      await db.schema
        .createTable('follow_up_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('queue_done')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('done_by', 'text')
        .addColumn('done_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('queue_done_pk', ['workspace_id', 'section', 'item_key'])
        .addForeignKeyConstraint('queue_done_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('queue_done_customer_idx').on('queue_done').columns(['workspace_id', 'section', 'customer_id']).execute();
      // The Today queue's keyed dates: month-day expressions (as today.repository.ts writes them) and recent "customer since" days.
      const md = (column: string) => dialect === 'postgres'
        ? `(extract(month from ${column}) * 100 + extract(day from ${column}))`
        : `(cast(substr(${column}, 6, 2) as integer) * 100 + cast(substr(${column}, 9, 2) as integer))`;
      const utcMd = dialect === 'postgres'
        ? `(extract(month from (first_purchase_at at time zone 'UTC')) * 100 + extract(day from (first_purchase_at at time zone 'UTC')))`
        : md('first_purchase_at');
      await sql.raw(`create index customers_birthday_md_idx on customers (workspace_id, ${md('birthday')})`).execute(db);
      await sql.raw(`create index customers_since_md_idx on customers (workspace_id, ${md('customer_since')})`).execute(db);
      await sql.raw(`create index customers_first_purchase_md_idx on customers (workspace_id, ${utcMd})`).execute(db);
      await db.schema.createIndex('customers_since_idx').on('customers').columns(['workspace_id', 'customer_since']).execute();
      // Covering for the Today sections that count thousands of customers (lapsed, drifting): the states,
      // values and last purchase read without visiting the rows.
      await db.schema.createIndex('customer_metrics_queue_idx').on('customer_metrics')
        .columns(['workspace_id', 'lapse_state', 'tier', 'customer_id', 'last_purchase_at', 'clv', 'tier_value', 'revenue_365']).execute();
      // The few customers gone (deleted, merged) or lost: sections over thousands exclude this small set instead of looking each customer up.
      await sql`create index customers_gone_idx on customers (workspace_id, id) where deleted_at is not null or merged_into_id is not null`.execute(db);
      await sql`create index customers_gone_or_lost_idx on customers (workspace_id, id) where deleted_at is not null or merged_into_id is not null or lost_at is not null`.execute(db);
      await db.schema.createIndex('email_messages_purpose_idx').on('email_messages').columns(['workspace_id', 'purpose', 'created_at']).execute();
      await db.schema
        .createTable('user_reminders')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('digest_enabled', 'integer', (c) => c.notNull())
        .addColumn('digest_hour', 'integer', (c) => c.notNull())
        .addColumn('time_zone', 'text')
        .addColumn('calendar_token_hash', 'text')
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('user_reminders_pk', ['workspace_id', 'user_id'])
        .addForeignKeyConstraint('user_reminders_user_fk', ['workspace_id', 'user_id'], 'users', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('user_reminders_calendar_idx').on('user_reminders').column('calendar_token_hash').unique().execute();
      await db.schema
        .createTable('digest_runs')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('claimed_at', t.timestamp, (c) => c.notNull())
        .addColumn('sent_at', t.timestamp)
        .addPrimaryKeyConstraint('digest_runs_pk', ['workspace_id', 'user_id', 'day'])
        .addForeignKeyConstraint('digest_runs_user_fk', ['workspace_id', 'user_id'], 'users', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const index of ['customers_birthday_md_idx', 'customers_since_md_idx', 'customers_first_purchase_md_idx', 'customers_since_idx', 'customer_metrics_queue_idx', 'customers_gone_idx', 'customers_gone_or_lost_idx', 'email_messages_purpose_idx']) await db.schema.dropIndex(index).execute();
      for (const table of ['digest_runs', 'user_reminders', 'queue_done', 'follow_up_settings', 'follow_ups']) await db.schema.dropTable(table).execute();
    },
  };
}
