import type { Kysely } from 'kysely';
import { toDbTime } from '../../db/dialect.ts';
import type { CouponRedemptionsTable, DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { isAppError } from '../../shared/errors.ts';
import { normalizeText } from '../../shared/text.ts';
import { dayInZone } from '../analytics/repeat-summaries.ts';
import type { Actor } from '../auth/permissions.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { recordHistoryOfMany, type HistoryChange } from '../customers/history.ts';
import { assertReferralAllowed, referralCodeKey } from '../referrals/referrals.usecases.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createPurchaseCodesRepository, type CodeScope } from './purchase-codes.repository.ts';

export interface CodeOutcome {
  /** Purchases that redeemed a coupon code. */
  redeemed: number;
  /** Of those, used past the code's limit or outside its dates: recorded and flagged. */
  overLimit: number;
  expired: number;
  notYetValid: number;
  /** Purchases linked to a campaign by its name (no code). */
  byCampaignName: number;
  /** Customers referred by the referral code they bought with. */
  referred: number;
  /** Codes that match no coupon, campaign or referral code: kept on the purchase as written, listed here. */
  unknown: { code: string; purchases: number }[];
}

const dayString = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Links the purchases in scope to what their code means: a coupon code (a redemption, flagged when
 * past its limit or dates, and the purchase's campaign), a campaign's name, or a customer's referral
 * code (who referred the buyer, when nobody is known yet). A customer with no campaign yet gets the
 * campaign of their first linked purchase, and its source when theirs is unknown. Idempotent: a
 * purchase already linked is not looked at again, so a resumed import may run it twice.
 */
export async function linkPurchaseCodes(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  scope: CodeScope,
  /** Runs in the transaction that writes the links (an import records the outcome with them). */
  alongside?: (trx: Kysely<DB>, outcome: CodeOutcome) => Promise<void>,
): Promise<CodeOutcome> {
  const outcome: CodeOutcome = { redeemed: 0, overLimit: 0, expired: 0, notYetValid: 0, byCampaignName: 0, referred: 0, unknown: [] };
  const repo = createPurchaseCodesRepository(db);
  const purchases = await repo.unlinked(actor.workspaceId, scope);
  if (!purchases.length) return outcome;
  const workspace = (await createWorkspacesRepository(db).getWorkspace(actor.workspaceId))!;
  const dayOf = dayInZone(workspace.time_zone);
  const keys = [...new Set(purchases.map((p) => referralCodeKey(p.campaign!)))];
  const codes = new Map((await repo.codesByKey(actor.workspaceId, keys)).map((c) => [c.code_key, { ...c, uses: Number(c.uses) }]));
  const nameKeys = [...new Set(purchases.map((p) => normalizeText(p.campaign!)))];
  const campaigns = new Map((await repo.campaignsByNameKey(actor.workspaceId, nameKeys)).map((c) => [c.name_key, c]));
  const referrers = new Map((await createReferralsRepository(db).byReferralCodes(actor.workspaceId, keys.filter((k) => !codes.has(k)))).map((r) => [r.referral_code, r]));

  const now = toDbTime(clock.now());
  const redemptions: CouponRedemptionsTable[] = [];
  const byCampaign = new Map<string, string[]>();
  /** The first linked purchase of each customer: the campaign (and source) it may give them. */
  const firstOf = new Map<string, { campaignId: string; sourceId: string | null }>();
  const referredWith = new Map<string, { id: string; display_name: string }>();
  const unknown = new Map<string, { code: string; purchases: number }>();
  const link = (p: (typeof purchases)[number], campaignId: string, sourceId: string | null) => {
    byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), p.id]);
    if (p.customer_id && !firstOf.has(p.customer_id)) firstOf.set(p.customer_id, { campaignId, sourceId });
  };
  for (const p of purchases) {
    const key = referralCodeKey(p.campaign!);
    const code = codes.get(key);
    if (code) {
      link(p, code.campaign_id, code.source_id);
      if (p.kind !== 'sale') continue; // a refund carries its sale's code; the sale redeemed it
      const day = dayString(dayOf(Date.parse(p.occurred_at)));
      // A use outside the code's dates is flagged for that and does not use up its limit.
      const dated = code.valid_until !== null && day > code.valid_until ? 'expired' : code.valid_from !== null && day < code.valid_from ? 'not_yet_valid' : null;
      if (!dated) code.uses++;
      const flag = dated ?? (code.max_uses !== null && code.uses > code.max_uses ? 'over_limit' : null);
      redemptions.push({ workspace_id: actor.workspaceId, transaction_id: p.id, code_id: code.id, customer_id: p.customer_id, redeemed_at: p.occurred_at, flag });
      outcome.redeemed++;
      if (flag === 'over_limit') outcome.overLimit++;
      if (flag === 'expired') outcome.expired++;
      if (flag === 'not_yet_valid') outcome.notYetValid++;
      continue;
    }
    const campaign = campaigns.get(normalizeText(p.campaign!));
    if (campaign) {
      link(p, campaign.id, campaign.source_id);
      outcome.byCampaignName++;
      continue;
    }
    const referrer = referrers.get(key);
    if (referrer) {
      if (p.customer_id && p.kind === 'sale' && !referredWith.has(p.customer_id)) referredWith.set(p.customer_id, referrer);
      continue;
    }
    const u = unknown.get(key) ?? { code: p.campaign!.trim(), purchases: 0 };
    u.purchases++;
    unknown.set(key, u);
  }
  outcome.unknown = [...unknown.values()].toSorted((a, b) => b.purchases - a.purchases || a.code.localeCompare(b.code)).slice(0, 200);

  await db.transaction().execute(async (trx) => {
    const writes = createPurchaseCodesRepository(trx);
    await writes.insertRedemptions(redemptions);
    for (const [campaignId, ids] of byCampaign) await writes.setTransactionCampaign(actor.workspaceId, campaignId, ids);
    const touched = [...new Set([...firstOf.keys(), ...referredWith.keys()])];
    const customers = await writes.customersToLink(actor.workspaceId, touched);
    const names = await labels(trx, actor.workspaceId);
    const history: { customerId: string; changes: HistoryChange[] }[] = [];
    for (const c of customers) {
      const patch: { campaign_id?: string; source_id?: string; referred_by_id?: string } = {};
      const changes: HistoryChange[] = [];
      const first = firstOf.get(c.id);
      if (first && c.campaign_id === null) {
        patch.campaign_id = first.campaignId;
        changes.push({ action: 'updated', field: 'campaign', oldValue: null, newValue: names.campaigns.get(first.campaignId) ?? first.campaignId });
        if (c.source_id === null && first.sourceId !== null) {
          patch.source_id = first.sourceId;
          changes.push({ action: 'updated', field: 'source', oldValue: null, newValue: names.sources.get(first.sourceId) ?? first.sourceId });
        }
      }
      const referrer = referredWith.get(c.id);
      if (referrer && c.referred_by_id === null) {
        try {
          await assertReferralAllowed(trx, actor.workspaceId, { id: c.id, name: c.display_name }, { id: referrer.id, name: referrer.display_name });
          patch.referred_by_id = referrer.id;
          changes.push({ action: 'updated', field: 'referredBy', oldValue: null, newValue: referrer.display_name });
          outcome.referred++;
        } catch (error) {
          // Their own code, or a loop: the purchase keeps the code as written and nobody is set.
          if (!isAppError(error)) throw error;
        }
      }
      if (changes.length) {
        await writes.setCustomerCampaign(actor.workspaceId, c.id, patch, now);
        history.push({ customerId: c.id, changes });
      }
    }
    await recordHistoryOfMany(trx, actor, clock, history);
    const referrerIds = [...referredWith.values()].map((r) => r.id);
    await refreshDerived(trx, actor.workspaceId, [...new Set([...history.map((h) => h.customerId), ...referrerIds])]);
    await alongside?.(trx, outcome);
  });
  return outcome;
}

async function labels(db: Kysely<DB>, workspaceId: string) {
  const campaigns = await db.selectFrom('campaigns').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute();
  const sources = await db.selectFrom('sources').select(['id', 'channel', 'name']).where('workspace_id', '=', workspaceId).execute();
  return { campaigns: new Map(campaigns.map((c) => [c.id, c.name])), sources: new Map(sources.map((s) => [s.id, `${s.channel} → ${s.name}`])) };
}
