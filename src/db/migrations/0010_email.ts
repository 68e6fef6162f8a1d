import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Email that really goes out: a workspace's SMTP settings (the password sealed with
 * RAPPORT_SECRET_KEY), its templates per purpose and language, the outbox the sender job
 * works through (each message linked to the 'email' activity on the customer's timeline),
 * and the addresses that unsubscribed.
 */
export function email(dialect: DialectName) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('email_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('port', 'integer', (c) => c.notNull())
        .addColumn('security', 'text', (c) => c.notNull())
        .addColumn('username', 'text')
        .addColumn('password_sealed', 'text')
        .addColumn('from_address', 'text', (c) => c.notNull())
        .addColumn('from_name', 'text')
        .addColumn('rate_per_minute', 'integer', (c) => c.notNull().defaultTo(30))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('email_templates')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('email_templates_pk', ['workspace_id', 'purpose', 'locale'])
        .execute();
      await db.schema
        .createTable('email_messages')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('marketing', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
        .addColumn('claimed_at', t.timestamp)
        .addColumn('last_error', 'text')
        .addColumn('message_id', 'text')
        .addColumn('sent_at', t.timestamp)
        .addColumn('activity_id', 'text')
        .addColumn('unsubscribe_token', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('email_messages_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('email_messages_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('email_messages_due_idx').on('email_messages').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('email_messages_customer_idx').on('email_messages').columns(['workspace_id', 'customer_id', 'created_at']).execute();
      await db.schema.createIndex('email_messages_activity_idx').on('email_messages').columns(['workspace_id', 'activity_id']).execute();
      await db.schema.createIndex('email_messages_token_idx').on('email_messages').column('unsubscribe_token').unique().execute();
      await db.schema
        .createTable('email_unsubscribes')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('address_key', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('email_unsubscribes_pk', ['workspace_id', 'address_key'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('email_unsubscribes').execute();
      await db.schema.dropTable('email_messages').execute();
      await db.schema.dropTable('email_templates').execute();
      await db.schema.dropTable('email_settings').execute();
    },
  };
}
