import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../dialect.ts';

/**
 * Customer profiles: people and organisations (with parent organisations), their emails and
 * phones, employments, typed custom attributes, tags, a timeline of activities, saved list
 * views and a field-level history. Every key starts with workspace_id.
 */
export function customerProfiles(dialect: DialectName) {
  const t = columnTypes(dialect);
  const double = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('customers')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        // Lower-cased, accent-free name: the sort key, the same on both databases.
        .addColumn('sort_name', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('website', 'text')
        .addColumn('parent_id', 'text')
        .addColumn('address_line1', 'text')
        .addColumn('address_line2', 'text')
        .addColumn('city', 'text')
        .addColumn('region', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('country', 'text')
        .addColumn('birthday', t.date)
        .addColumn('preferred_language', 'text')
        .addColumn('consent_given', 'integer')
        .addColumn('consent_at', t.timestamp)
        .addColumn('consent_source', 'text')
        .addColumn('notes', 'text')
        .addColumn('customer_since', t.date)
        .addColumn('first_purchase_at', t.timestamp)
        .addColumn('last_purchase_at', t.timestamp)
        .addColumn('next_follow_up', t.date)
        // Names, emails, phone digits, organisations and notes, normalised for search.
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('completeness', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('merged_into_id', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp)
        .addPrimaryKeyConstraint('customers_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('customers_parent_fk', ['workspace_id', 'parent_id'], 'customers', ['workspace_id', 'id'])
        .addCheckConstraint('customers_kind_check', sql`kind in ('person', 'organisation')`)
        .execute();
      await db.schema.createIndex('customers_sort_idx').on('customers').columns(['workspace_id', 'sort_name', 'id']).execute();
      await db.schema.createIndex('customers_kind_sort_idx').on('customers').columns(['workspace_id', 'kind', 'sort_name', 'id']).execute();
      await db.schema.createIndex('customers_parent_idx').on('customers').columns(['workspace_id', 'parent_id']).execute();
      await db.schema.createIndex('customers_created_idx').on('customers').columns(['workspace_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('customers_deleted_idx').on('customers').columns(['workspace_id', 'deleted_at']).execute();

      await db.schema
        .createTable('customer_contacts')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        // Lower-cased email, or the last ten digits of a phone: what "the same" means for duplicates.
        .addColumn('match_key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_contacts_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('customer_contacts_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addCheckConstraint('customer_contacts_kind_check', sql`kind in ('email', 'phone')`)
        .execute();
      await db.schema.createIndex('customer_contacts_customer_idx').on('customer_contacts').columns(['workspace_id', 'customer_id', 'position']).execute();
      await db.schema.createIndex('customer_contacts_match_idx').on('customer_contacts').columns(['workspace_id', 'kind', 'match_key']).execute();

      await db.schema
        .createTable('employments')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('employments_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('employments_person_fk', ['workspace_id', 'person_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addForeignKeyConstraint('employments_org_fk', ['workspace_id', 'organisation_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addUniqueConstraint('employments_unique', ['workspace_id', 'person_id', 'organisation_id'])
        .execute();
      await db.schema.createIndex('employments_org_idx').on('employments').columns(['workspace_id', 'organisation_id']).execute();

      await db.schema
        .createTable('attribute_definitions')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('applies_to', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('attribute_definitions_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('attribute_definitions_key_unique', ['workspace_id', 'key'])
        .execute();

      await db.schema
        .createTable('attribute_values')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('attribute_id', 'text', (c) => c.notNull())
        // Typed columns, so filters and sorts compare numbers as numbers and dates as dates.
        .addColumn('value_text', 'text')
        .addColumn('value_number', double)
        .addColumn('value_date', t.date)
        .addPrimaryKeyConstraint('attribute_values_pk', ['workspace_id', 'customer_id', 'attribute_id'])
        .addForeignKeyConstraint('attribute_values_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addForeignKeyConstraint('attribute_values_attribute_fk', ['workspace_id', 'attribute_id'], 'attribute_definitions', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('attribute_values_text_idx').on('attribute_values').columns(['workspace_id', 'attribute_id', 'value_text']).execute();
      await db.schema.createIndex('attribute_values_number_idx').on('attribute_values').columns(['workspace_id', 'attribute_id', 'value_number']).execute();

      await db.schema
        .createTable('tags')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['workspace_id', 'id'])
        .addUniqueConstraint('tags_name_unique', ['workspace_id', 'name_key'])
        .execute();

      await db.schema
        .createTable('customer_tags')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('tag_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_tags_pk', ['workspace_id', 'customer_id', 'tag_id'])
        .addForeignKeyConstraint('customer_tags_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addForeignKeyConstraint('customer_tags_tag_fk', ['workspace_id', 'tag_id'], 'tags', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .execute();
      await db.schema.createIndex('customer_tags_tag_idx').on('customer_tags').columns(['workspace_id', 'tag_id', 'customer_id']).execute();

      await db.schema
        .createTable('activities')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('activities_pk', ['workspace_id', 'id'])
        .addForeignKeyConstraint('activities_customer_fk', ['workspace_id', 'customer_id'], 'customers', ['workspace_id', 'id'], (fk) => fk.onDelete('cascade'))
        .addCheckConstraint('activities_kind_check', sql`kind in ('note', 'call', 'email', 'meeting', 'other')`)
        .execute();
      await db.schema.createIndex('activities_customer_idx').on('activities').columns(['workspace_id', 'customer_id', 'occurred_at']).execute();

      await db.schema
        .createTable('saved_views')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('shared', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('saved_views_pk', ['workspace_id', 'id'])
        .execute();

      await db.schema
        .createTable('customer_history')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addPrimaryKeyConstraint('customer_history_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('customer_history_customer_idx').on('customer_history').columns(['workspace_id', 'customer_id', 'at']).execute();
    },
  };
}
