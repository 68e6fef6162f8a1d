import { campaignInputSchema, codeBatchInputSchema } from '../../contracts/campaigns.ts';
import type { Clock } from '../../shared/clock.ts';
import { parseInput } from '../../shared/validation.ts';
import type { Actor } from '../auth/permissions.ts';
import { addCodes, createCampaign } from '../campaigns/campaigns.usecases.ts';
import { linkPurchaseCodes, type CodeOutcome } from '../campaigns/purchase-codes.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';
import { setReferrer } from '../referrals/referrals.usecases.ts';
import { listSources, setAcquisition } from '../sources/sources.usecases.ts';
import type { WorkspaceDeps } from '../workspaces/workspaces.usecases.ts';
import { demoSourceNames, type DemoCampaignKey } from './demo-acquisition.ts';
import type { DemoData } from './demo-data.ts';
import type { DemoLocale } from './demo-people.ts';

const at = (moment: Date): Clock => ({ now: () => moment });
const dayStart = (day: string) => new Date(`${day}T09:00:00Z`);

/**
 * The campaigns with their cost lines and codes, each customer's source, date and (for the fair)
 * campaign, referral codes and who referred whom — through the use cases the app uses, before
 * the purchases are written. `money` scales the story's minor units to the workspace currency.
 */
export async function writeAcquisition(deps: WorkspaceDeps, actor: Actor, data: DemoData, ids: Map<number, string>, locale: DemoLocale, money: (minor: number) => number): Promise<void> {
  const campaignIds = new Map<DemoCampaignKey, string>();
  const sources = new Map((await listSources(deps, actor)).map((s) => [`${s.channel}\u0000${s.name}`, s.id]));
  const sourceId = (key: Parameters<typeof demoSourceNames>[0]) => {
    const { channel, name } = demoSourceNames(key, locale);
    return sources.get(`${channel}\u0000${name}`)!;
  };
  for (const c of data.campaigns) {
    const input = parseInput(campaignInputSchema, {
      name: c.name, sourceId: sourceId(c.source), startsOn: c.startsOn, endsOn: c.endsOn, notes: c.notes,
      costs: c.costs.map((k) => ({ spentOn: k.spentOn, amountMinor: money(k.amountMinor), description: k.description })),
      codes: c.code ? [c.code] : [],
    });
    const { id } = await createCampaign({ db: deps.db, clock: at(dayStart(c.startsOn)) }, actor, input);
    if (c.batch) await addCodes({ db: deps.db, clock: at(dayStart(c.batch.validFrom)) }, actor, id, parseInput(codeBatchInputSchema, c.batch));
    campaignIds.set(c.key, id);
  }

  // As a user would with the bulk "Set source": one call per source, campaign and day where one is known apart.
  const groups = new Map<string, { sourceId: string; acquiredOn: string | null; campaignId: string | null; at: Date; customerIds: string[] }>();
  for (const c of data.customers) {
    if (!c.acquisition) continue;
    const group = `${c.acquisition.source}/${c.acquisition.on}/${c.acquisition.campaign}`;
    const g = groups.get(group) ?? groups.set(group, { sourceId: sourceId(c.acquisition.source), acquiredOn: c.acquisition.on, campaignId: c.acquisition.campaign && campaignIds.get(c.acquisition.campaign)!, at: c.createdAt, customerIds: [] }).get(group)!;
    g.customerIds.push(ids.get(c.key)!);
    if (c.createdAt > g.at) g.at = c.createdAt;
  }
  for (const g of groups.values()) {
    await setAcquisition({ db: deps.db, clock: at(g.at) }, actor, g.customerIds, { sourceId: g.sourceId, ...(g.acquiredOn && { acquiredOn: g.acquiredOn }), ...(g.campaignId && { campaignId: g.campaignId }) });
  }

  // A referral code is a random one from ensureReferralCode; the demo's is drawn from its seed, so the same seed shares the same code.
  for (const c of data.customers) if (c.referralCode) await createReferralsRepository(deps.db).setReferralCode(actor.workspaceId, ids.get(c.key)!, c.referralCode);
  for (const c of data.customers.toSorted((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.key - y.key)) {
    if (c.referral?.by === 'profile') await setReferrer({ db: deps.db, clock: at(c.createdAt) }, actor, ids.get(c.key)!, { referrerId: ids.get(c.referral.referrerKey)! });
  }
}

/** The pass an import runs after writing purchases: coupon codes become redemptions, referral codes referrers. */
export async function linkDemoCodes(deps: WorkspaceDeps, actor: Actor): Promise<CodeOutcome> {
  return linkPurchaseCodes(deps.db, deps.clock, actor, { workspace: true });
}
