import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chunked } from '../transactions/transactions.repository.ts';

/** A "referred by" cell of a customers import, kept until all its rows are in (migration 0008). */
export type ImportReferralsTable = {
  workspace_id: string;
  import_id: string;
  row_number: number;
  customer_id: string;
  value: string;
};

/** What the acquisition and referral columns of a customers import read and keep. */
export function createImportAcquisitionRepository(base: Kysely<DB>) {
  const db = base.withTables<{ import_referrals: ImportReferralsTable }>();
  return {
    async sources(workspaceId: string) {
      return db.selectFrom('sources').select(['id', 'channel', 'name', 'channel_key', 'name_key']).where('workspace_id', '=', workspaceId).execute();
    },

    async campaignsByNameKeys(workspaceId: string, keys: string[]) {
      const out = [];
      for (const chunk of chunked(keys, 1)) out.push(...(await db.selectFrom('campaigns').select(['id', 'name', 'name_key', 'source_id']).where('workspace_id', '=', workspaceId).where('name_key', 'in', chunk).execute()));
      return out;
    },

    /** Live customers by their normalised display name (sort name), the first made first. */
    async liveByNames(workspaceId: string, sortNames: string[]) {
      const out = [];
      for (const chunk of chunked(sortNames, 1)) {
        out.push(...(await db.selectFrom('customers').select(['id', 'sort_name', 'display_name']).where('workspace_id', '=', workspaceId).where('sort_name', 'in', chunk)
          .where('deleted_at', 'is', null).where('merged_into_id', 'is', null).orderBy('created_at').orderBy('id').execute()));
      }
      return out;
    },

    /** Who referred each of these customers now, and their names. */
    async referrersOf(workspaceId: string, ids: string[]) {
      const out = [];
      for (const chunk of chunked(ids, 1)) out.push(...(await db.selectFrom('customers').select(['id', 'display_name', 'referred_by_id']).where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute()));
      return out;
    },

    /** Kept with the batch that read them; a batch read again (a resumed import) writes the same rows again. */
    async keepReferrals(rows: ImportReferralsTable[]): Promise<void> {
      for (const chunk of chunked(rows, 5)) {
        await db.insertInto('import_referrals').values(chunk)
          .onConflict((oc) => oc.columns(['workspace_id', 'import_id', 'row_number']).doUpdateSet((eb) => ({ customer_id: eb.ref('excluded.customer_id'), value: eb.ref('excluded.value') }))).execute();
      }
    },

    async keptReferrals(workspaceId: string, importId: string) {
      return db.selectFrom('import_referrals').select(['row_number', 'customer_id', 'value']).where('workspace_id', '=', workspaceId).where('import_id', '=', importId).orderBy('row_number').execute();
    },

    async clearReferrals(workspaceId: string, importId: string): Promise<void> {
      await db.deleteFrom('import_referrals').where('workspace_id', '=', workspaceId).where('import_id', '=', importId).execute();
    },
  };
}
