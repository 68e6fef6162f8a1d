import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ReferralNode, ReferralsOf, setReferrerSchema } from '../../contracts/referrals.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { codeKey, randomCodePart } from '../../shared/codes.ts';
import { AppError, badRequest, notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCustomer } from '../customers/customer-writes.usecases.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { recordHistoryOfMany, type HistoryChange } from '../customers/history.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createReferralsRepository } from './referrals.repository.ts';

export interface ReferralDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export const referralCodeKey = codeKey;

/**
 * Refuses a referral that would make a loop (A referred B, B referred A) or a customer referring
 * themselves, naming the path; otherwise nothing.
 */
export async function assertReferralAllowed(db: Kysely<DB>, workspaceId: string, customer: { id: string; name: string }, referrer: { id: string; name: string }): Promise<void> {
  if (customer.id === referrer.id) {
    throw new AppError('referrals.self', 400, `${customer.name} cannot have referred themselves`, { fields: [{ path: 'referrerId', code: 'self', message: 'A customer cannot refer themselves' }] });
  }
  const above = await createReferralsRepository(db).ancestorsOf(workspaceId, referrer.id);
  const at = above.findIndex((a) => a.id === customer.id);
  if (at >= 0) {
    const loop = [customer.name, ...above.slice(0, at).map((a) => a.name).toReversed(), referrer.name, customer.name];
    throw new AppError('referrals.cycle', 400, `That would make a loop: ${loop.join(' → ')} (each referred the next)`, { path: loop, fields: [{ path: 'referrerId', code: 'cycle', message: `Loop: ${loop.join(' → ')}` }] });
  }
}

/** Sets (or clears) who referred a customer, with a line in their history. */
export async function setReferrer(deps: ReferralDeps, actor: Actor, customerId: string, input: z.output<typeof setReferrerSchema>): Promise<ReferralsOf> {
  let referrerId: string | null;
  if (input.introducer) {
    const contacts = [
      ...(input.introducer.email ? [{ kind: 'email' as const, value: input.introducer.email }] : []),
      ...(input.introducer.phone ? [{ kind: 'phone' as const, value: input.introducer.phone }] : []),
    ];
    await requireCustomer(deps.db, actor.workspaceId, customerId);
    const created = await createCustomer(deps, actor, { kind: 'person', name: input.introducer.name, contacts, notes: 'Introduced a customer (not a customer yet)' } as never);
    referrerId = created.id;
  } else if (input.referralCode !== undefined) {
    const [owner] = await createReferralsRepository(deps.db).byReferralCodes(actor.workspaceId, [referralCodeKey(input.referralCode)]);
    if (!owner) throw new AppError('referrals.unknown_code', 400, `No customer shares the referral code "${input.referralCode}"`, { fields: [{ path: 'referralCode', code: 'unknown', message: 'Unknown referral code' }] });
    referrerId = owner.id;
  } else {
    referrerId = input.referrerId ?? null;
  }
  await deps.db.transaction().execute(async (trx) => {
    const repo = createReferralsRepository(trx);
    const customer = await requireCustomer(trx, actor.workspaceId, customerId);
    if (customer.referred_by_id === referrerId) return;
    let referrerName: string | null = null;
    if (referrerId !== null) {
      const referrer = await repo.referrerOf(actor.workspaceId, referrerId);
      if (!referrer) throw badRequest('referrals.unknown_referrer', `Unknown customer: ${referrerId}`, { fields: [{ path: 'referrerId', code: 'unknown', message: 'No such customer' }] });
      await assertReferralAllowed(trx, actor.workspaceId, { id: customerId, name: customer.display_name }, { id: referrerId, name: referrer.display_name });
      referrerName = referrer.display_name;
    }
    await repo.setReferrer(actor.workspaceId, [customerId], referrerId, toDbTime(deps.clock.now()));
    const change: HistoryChange = { action: 'updated', field: 'referredBy', oldValue: customer.referrer_name ?? null, newValue: referrerName };
    await recordHistoryOfMany(trx, actor, deps.clock, [{ customerId, changes: [change] }]);
    await refreshDerived(trx, actor.workspaceId, [customerId, ...[customer.referred_by_id, referrerId].filter((id): id is string => id !== null)]);
  });
  return referralsOf(deps.db, actor, customerId, 6);
}

/** Gives a customer a referral code to share (or returns the one they have). */
export async function ensureReferralCode(deps: ReferralDeps, actor: Actor, customerId: string, renew = false): Promise<string> {
  const customer = await requireCustomer(deps.db, actor.workspaceId, customerId);
  if (customer.referral_code && !renew) return customer.referral_code;
  const stem = (customer.display_name.split(/\s+/)[0] ?? '').normalize('NFKD').replace(/[^A-Za-z]/g, '').toUpperCase().slice(0, 8) || 'FRIEND';
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = `${stem}-${randomCodePart(4)}`;
    try {
      await createReferralsRepository(deps.db).setReferralCode(actor.workspaceId, customerId, code);
      return code;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('Could not find a free referral code after 20 tries');
}

/** Who referred a customer, whom they referred (a tree to the depth asked), and what those referrals are worth. */
export async function referralsOf(db: Kysely<DB>, actor: Actor, customerId: string, depth: number): Promise<ReferralsOf> {
  const repo = createReferralsRepository(db);
  const customer = await requireCustomer(db, actor.workspaceId, customerId);
  const currency = (await createWorkspacesRepository(db).getWorkspace(actor.workspaceId))!.base_currency;
  const network = await repo.descendantsOf(actor.workspaceId, customerId, 100, currency);
  const nodes = new Map<string, ReferralNode>();
  const roots: ReferralNode[] = [];
  for (const n of network) {
    if (n.depth > depth) continue;
    const node: ReferralNode = { id: n.id, name: n.name, revenueMinor: n.revenue, bought: n.bought, referred: [] };
    nodes.set(n.id, node);
    if (n.depth === 1) roots.push(node);
    else nodes.get(n.parent)?.referred.push(node);
  }
  const direct = network.filter((n) => n.depth === 1);
  return {
    referredBy: customer.referred_by_id ? { id: customer.referred_by_id, name: customer.referrer_name ?? '?' } : null,
    referralCode: customer.referral_code,
    referred: roots,
    referrals: direct.length,
    buyers: direct.filter((n) => n.bought).length,
    directRevenueMinor: direct.reduce((s, n) => s + n.revenue, 0),
    networkRevenueMinor: network.reduce((s, n) => s + n.revenue, 0),
    networkSize: network.length,
    currency,
  };
}

async function requireCustomer(db: Kysely<DB>, workspaceId: string, customerId: string) {
  const row = await createReferralsRepository(db).referrerOf(workspaceId, customerId);
  if (!row) throw notFound('customer');
  return row;
}
