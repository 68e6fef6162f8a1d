import type { Kysely } from 'kysely';
import type { ReferralsReport } from '../../contracts/acquisition-reports.ts';
import type { DB } from '../../db/schema.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createReferralsReportRepository } from './referrals-report.repository.ts';

/**
 * The Referrals report: who brought whom and what it is worth — the leaderboard by network
 * revenue, and the share of the period's new customers that came by referral.
 */
export async function referralsReport(db: Kysely<DB>, workspaceId: string, period: { from?: string | undefined; to?: string | undefined }): Promise<ReferralsReport> {
  const workspace = (await createWorkspacesRepository(db).getWorkspace(workspaceId))!;
  const repo = createReferralsReportRepository(db);
  const from = period.from ?? null;
  const to = period.to ?? null;
  const [referrers, share] = await Promise.all([repo.referrers(workspaceId, workspace.base_currency), repo.referralShare(workspaceId, workspace.time_zone, from, to)]);
  const rows = referrers
    .map((r) => ({ ...r, thanksOwed: r.buyers }))
    .toSorted((a, b) => b.networkRevenue - a.networkRevenue || b.directRevenue - a.directRevenue || b.referrals - a.referrals || a.referrer.localeCompare(b.referrer) || (a.referrerId < b.referrerId ? -1 : 1));
  return {
    currency: workspace.base_currency,
    rows,
    newCustomers: share.customers,
    referredNewCustomers: share.referred,
    referralShare: share.customers ? Math.round((share.referred / share.customers) * 10_000) / 10_000 : null,
    from,
    to,
  };
}
