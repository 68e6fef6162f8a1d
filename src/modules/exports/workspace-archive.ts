import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { parseJsonColumn } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, badRequest } from '../../shared/errors.ts';
import { chunked } from '../transactions/transactions.repository.ts';

/**
 * A whole workspace in one file — every table's rows, as gzipped JSON lines — and back.
 * The file does not depend on the database it came from, so it is also the way from SQLite
 * to PostgreSQL when a business outgrows one file: export, point DATABASE_URL at the new
 * database, restore.
 */
const FORMAT = 'rapport-workspace-archive';
const VERSION = 1;

/** In the order rows must go back (parents first). Sessions and sign-in attempts are not kept. */
const TABLES = [
  'workspaces',
  'users',
  'api_keys',
  'attribute_definitions',
  'tags',
  'sources',
  'reasons',
  'campaigns',
  'campaign_costs',
  'coupon_codes',
  'customers',
  'customer_contacts',
  'employments',
  'attribute_values',
  'customer_tags',
  'customer_reasons',
  'activities',
  'saved_views',
  'customer_history',
  'imports',
  'import_rejections',
  'import_mappings',
  'transactions',
  'coupon_redemptions',
  'email_settings',
  'email_templates',
  'email_messages',
  'email_unsubscribes',
  'thank_settings',
  'thank_yous',
  'owed_thanks',
  'survey_invitations',
  'winback_actions',
  'follow_up_settings',
  'follow_ups',
  'queue_done',
  'segments',
  'segment_members',
  'segment_stats',
  'report_settings',
] as const satisfies readonly (keyof DB)[];
type ArchivedTable = (typeof TABLES)[number];

/** Columns holding JSON: parsed on the way out (PostgreSQL's jsonb and SQLite's text agree then). */
const JSON_COLUMNS: Partial<Record<ArchivedTable, string[]>> = {
  imports: ['settings', 'counts'],
  import_rejections: ['cells', 'problems'],
  import_mappings: ['mapping'],
  transactions: ['lines'],
};

/** Each table's primary key after workspace_id: the order rows are read in, a page at a time. */
const KEYS: Record<ArchivedTable, string[]> = {
  workspaces: ['id'], users: ['id'], api_keys: ['id'], attribute_definitions: ['id'], tags: ['id'], customers: ['id'], customer_contacts: ['id'],
  employments: ['id'], attribute_values: ['customer_id', 'attribute_id'], customer_tags: ['customer_id', 'tag_id'], activities: ['id'], saved_views: ['id'],
  customer_history: ['id'], imports: ['id'], import_rejections: ['import_id', 'row_number'], import_mappings: ['id'], transactions: ['id'],
  sources: ['id'], reasons: ['id'], customer_reasons: ['id'], campaigns: ['id'], campaign_costs: ['id'], coupon_codes: ['id'], coupon_redemptions: ['transaction_id'],
  email_settings: [], email_templates: ['purpose', 'locale'], email_messages: ['id'], email_unsubscribes: ['address_key'],
  thank_settings: [], thank_yous: ['id'], owed_thanks: ['id'], survey_invitations: ['id'], winback_actions: ['id'],
  follow_up_settings: [], follow_ups: ['id'], queue_done: ['section', 'item_key'],
  segments: ['id'], segment_members: ['segment_id', 'customer_id'], segment_stats: ['segment_id', 'day'], report_settings: [],
};
const PAGE = 2000;

export interface ArchiveSummary {
  workspaceId: string;
  workspaceName: string;
  rows: Partial<Record<ArchivedTable, number>>;
}

export async function exportWorkspaceArchive(db: Kysely<DB>, workspaceId: string, file: string, migrations: string[]): Promise<ArchiveSummary> {
  const workspace = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace) throw badRequest('archive.no_workspace', `No workspace ${workspaceId}`);
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = (value: unknown) => (gzip.write(`${JSON.stringify(value)}\n`) ? Promise.resolve() : new Promise<void>((resolve) => gzip.once('drain', () => resolve())));
  await write({ format: FORMAT, version: VERSION, workspaceId, workspaceName: workspace.name, migrations, exportedAt: new Date().toISOString() });
  const summary: ArchiveSummary = { workspaceId, workspaceName: workspace.name, rows: {} };
  for (const table of TABLES) {
    let count = 0;
    for await (const rows of tableRows(db, table, workspaceId)) {
      const json = JSON_COLUMNS[table];
      const parsed = json ? rows.map((r) => ({ ...r, ...Object.fromEntries(json.map((c) => [c, r[c] === null || r[c] === undefined ? r[c] : parseJsonColumn(r[c])])) })) : rows;
      await write({ table, rows: parsed });
      count += rows.length;
    }
    summary.rows[table] = count;
  }
  gzip.end();
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
  return summary;
}

/** The table's rows of one workspace, a page at a time, in primary-key order. */
async function* tableRows(db: Kysely<DB>, table: ArchivedTable, workspaceId: string): AsyncIterable<Record<string, unknown>[]> {
  const scope = table === 'workspaces' ? 'id' : 'workspace_id';
  const keys = KEYS[table];
  let after: unknown[] | null = null;
  for (;;) {
    let query = db.selectFrom(table).selectAll().where(scope, '=', workspaceId);
    if (after) {
      const last = after;
      query = query.where((eb) => (keys.length === 1 ? eb(sql.ref(keys[0]!), '>', last[0]) : eb.or([eb(sql.ref(keys[0]!), '>', last[0]), eb.and([eb(sql.ref(keys[0]!), '=', last[0]), eb(sql.ref(keys[1]!), '>', last[1])])])));
    }
    for (const k of keys) query = query.orderBy(sql.ref(k));
    const rows = (await query.limit(PAGE).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    after = keys.map((k) => rows.at(-1)![k]);
  }
}

/** Loads an archive into this database, which must not have that workspace yet. All or nothing. */
export async function restoreWorkspaceArchive(db: Kysely<DB>, file: string): Promise<ArchiveSummary> {
  type Header = { format: string; version: number; workspaceId: string; workspaceName: string };
  let header: Header | null = null;
  const parents: { id: string; parent: string }[] = [];
  const summary: ArchiveSummary = { workspaceId: '', workspaceName: '', rows: {} };
  await db.transaction().execute(async (trx) => {
    try {
      // Opened only now, inside the transaction, and iterated at once: a stream error (not gzip,
      // missing file) raised while BEGIN was still in flight had no listener and escaped as an
      // uncaught exception, leaving the restore waiting forever.
      const gunzip = createGunzip();
      pipeline(fs.createReadStream(file), gunzip, () => {});
      const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        const record = JSON.parse(line) as { format?: string; version?: number; workspaceId?: string; workspaceName?: string; table?: ArchivedTable; rows?: Record<string, unknown>[] };
        if (!header) {
          if (record.format !== FORMAT) throw badRequest('archive.not_an_archive', 'This file is not a Rapport workspace archive');
          if (record.version !== VERSION) throw badRequest('archive.version', `Archive version ${record.version} is not one this Rapport reads (${VERSION})`);
          header = record as unknown as Header;
          summary.workspaceId = header!.workspaceId;
          summary.workspaceName = header!.workspaceName;
          const existing = await trx.selectFrom('workspaces').select('id').where('id', '=', header!.workspaceId).executeTakeFirst();
          if (existing) throw conflict('archive.workspace_exists', `Workspace "${header!.workspaceName}" (${header!.workspaceId}) is already in this database: restore into an empty database`);
          continue;
        }
        if (!record.table || !(TABLES as readonly string[]).includes(record.table) || !Array.isArray(record.rows)) throw badRequest('archive.damaged', 'The archive has a line that is not a table of rows');
        const json = JSON_COLUMNS[record.table];
        let rows = json ? record.rows.map((r) => ({ ...r, ...Object.fromEntries(json.map((c) => [c, r[c] === null || r[c] === undefined ? null : JSON.stringify(r[c])])) })) : record.rows;
        if (record.table === 'customers') {
          // A parent organisation may come later in the file: link subsidiaries once all are in.
          for (const r of rows) if (r.parent_id) parents.push({ id: r.id as string, parent: r.parent_id as string });
          rows = rows.map((r) => ({ ...r, parent_id: null }));
        }
        const columns = Object.keys(rows[0] ?? {}).length || 1;
        for (const chunk of chunked(rows, columns)) await trx.insertInto(record.table).values(chunk as never).execute();
        summary.rows[record.table] = (summary.rows[record.table] ?? 0) + rows.length;
      }
    } catch (error) {
      if (error instanceof SyntaxError) throw badRequest('archive.damaged', `The archive is damaged: ${error.message}`);
      if ((error as { code?: string }).code === 'ENOENT') throw badRequest('archive.missing', `There is no file at ${file}`);
      if ((error as { code?: string }).code === 'Z_DATA_ERROR' || (error as { code?: string }).code === 'Z_BUF_ERROR') throw badRequest('archive.damaged', 'The archive is not a gzip file, or it is cut short');
      throw error;
    }
    if (!header) throw badRequest('archive.empty', 'The archive is empty');
    for (const { id, parent } of parents) await trx.updateTable('customers').set({ parent_id: parent }).where('workspace_id', '=', summary.workspaceId).where('id', '=', id).execute();
  });
  return summary;
}
