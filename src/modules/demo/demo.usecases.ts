import { writeRelationships } from './demo-relationships.usecases.ts';
import { createCustomerSchema } from '../../contracts/customers.ts';
import type { SetupRequest } from '../../contracts/auth.ts';
import { createTagSchema } from '../../contracts/tags.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseInput } from '../../shared/validation.ts';
import { createAnalyticsRepository } from '../analytics/analytics.repository.ts';
import type { StoredModel } from '../analytics/recompute.usecases.ts';
import { runRecompute } from '../analytics/analytics-jobs.ts';
import type { ValueSummary } from '../analytics/workspace-scoring.ts';
import { writeFollowUps } from './demo-followups.usecases.ts';
import { pinTodayOccasions } from './demo-today.ts';
import type { Actor } from '../auth/permissions.ts';
import { addEmployment } from '../customers/customer-lifecycle.usecases.ts';
import { createCustomer } from '../customers/customer-writes.usecases.ts';
import { createTag } from '../tags/tags.usecases.ts';
import { chunked, createTransactionsRepository, type TransactionRow } from '../transactions/transactions.repository.ts';
import { createWorkspace, type WorkspaceDeps } from '../workspaces/workspaces.usecases.ts';
import { linkDemoCodes, writeAcquisition } from './demo-acquisition.usecases.ts';
import { DEMO_TAGS, generateDemo, type DemoData, type DemoTagKey } from './demo-data.ts';
import type { DemoLocale } from './demo-people.ts';

export interface DemoRequest {
  setup: Required<SetupRequest>;
  customers: number;
  seed: number;
  /** Told what is being written, for a progress line. */
  onStep?: (step: 'customers' | 'acquisition' | 'purchases' | 'recompute' | 'relationships') => void;
}

export interface DemoOutcome {
  workspaceId: string;
  customers: number;
  organisations: number;
  sales: number;
  refunds: number;
  buyers: number;
  gold: number;
  campaigns: number;
  /** Purchases that redeemed a coupon code, and of those the ones flagged (expired, over the limit). */
  redemptions: number;
  flagged: number;
  /** Customers with a known source, and those referred by another. */
  sourced: number;
  referred: number;
  model: StoredModel | null;
}

/** Prices by currency: the story's are in cents; a rouble buys about as much as a cent. */
const PRICE_SCALE: Record<string, number> = { RUB: 100, KZT: 500, UAH: 40, JPY: 1.5, SEK: 10, NOK: 10, DKK: 7, PLN: 4, CZK: 25 };

/**
 * A new workspace and its owner, filled with a demo business through the same use cases
 * the app and the API use (so search text, completeness, history and purchase dates are
 * what they would be), then its customer value computed and the models fitted.
 */
export async function createDemoWorkspace(deps: WorkspaceDeps, request: DemoRequest): Promise<DemoOutcome> {
  const now = deps.clock.now();
  const { workspaceId } = await createWorkspace(deps, request.setup);
  const actor: Actor = { workspaceId, userId: 'cli', role: 'owner', via: 'session', scope: 'read_write' };
  const data = generateDemo({ seed: request.seed, customers: request.customers, locale: request.setup.locale, now, utcOffsetMinutes: utcOffsetMinutes(request.setup.timeZone, now) });
  pinTodayOccasions(data, now, utcOffsetMinutes(request.setup.timeZone, now));

  request.onStep?.('customers');
  const ids = await writeCustomers(deps, actor, data, request.setup.locale);
  const scale = PRICE_SCALE[request.setup.baseCurrency] ?? 1;
  const money = (minor: number) => Math.round((minor * scale) / 10) * 10;
  request.onStep?.('acquisition');
  await writeAcquisition(deps, actor, data, ids, request.setup.locale, money);
  request.onStep?.('purchases');
  const rows = data.transactions.map((t): TransactionRow => {
    return {
      workspace_id: workspaceId, id: newId(t.occurredAt.getTime()), customer_id: ids.get(t.customerKey)!, kind: t.kind, occurred_at: toDbTime(t.occurredAt),
      amount_minor: money(t.amountMinor), currency: request.setup.baseCurrency, cost_minor: t.costMinor === null ? null : money(t.costMinor), channel: t.channel, campaign: t.campaign,
      external_id: t.externalId, note: null, source: 'import', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null, campaign_id: null, created_by: null, created_at: toDbTime(now), updated_at: toDbTime(now),
    };
  });
  await deps.db.transaction().execute(async (trx) => {
    const repo = createTransactionsRepository(trx);
    for (const chunk of chunked(rows, 20)) await repo.insertTransactions(chunk);
    await repo.refreshPurchaseDates(workspaceId, [...ids.values()]);
  });
  const codes = await linkDemoCodes(deps, actor);

  request.onStep?.('recompute');
  const outcome = await runRecompute({ db: deps.db, clock: deps.clock }, workspaceId, { refit: true });
  if (!outcome) throw conflict('recompute.running', 'A server already recomputes this workspace; its value appears when it is done');
  request.onStep?.('relationships');
  await writeRelationships(deps, actor, request.seed, request.setup.locale, request.setup.timeZone);
  await writeFollowUps(deps, workspaceId, request.seed, request.setup.locale, request.setup.timeZone);
  return {
    workspaceId,
    customers: data.customers.length,
    organisations: data.customers.filter((c) => c.profile.kind === 'organisation').length,
    sales: rows.filter((r) => r.kind === 'sale').length,
    refunds: rows.filter((r) => r.kind === 'refund').length,
    buyers: outcome.buyers,
    gold: ((await createAnalyticsRepository(deps.db).state(workspaceId))?.summary as ValueSummary | null)?.tiers.find((t) => t.tier === 'gold')?.customers ?? 0,
    model: outcome.model,
    campaigns: data.campaigns.length,
    redemptions: codes.redeemed,
    flagged: codes.expired + codes.overLimit + codes.notYetValid,
    sourced: data.customers.filter((c) => c.acquisition).length,
    referred: data.customers.filter((c) => c.referral).length,
  };
}

/** Minutes ahead of UTC in this time zone at this moment (opening hours are local). */
function utcOffsetMinutes(timeZone: string, at: Date): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

const at = (moment: Date): Clock => ({ now: () => moment });

/** Tags, then organisations (parents before their subsidiaries), then people and their jobs: each at the moment it happened. */
async function writeCustomers(deps: WorkspaceDeps, actor: Actor, data: DemoData, locale: DemoLocale): Promise<Map<number, string>> {
  const tagIds = {} as Record<DemoTagKey, string>;
  for (const [key, tag] of Object.entries(DEMO_TAGS) as [DemoTagKey, (typeof DEMO_TAGS)[DemoTagKey]][]) {
    tagIds[key] = (await createTag(deps, actor, parseInput(createTagSchema, { name: tag.name[locale], color: tag.color }))).id;
  }
  const ids = new Map<number, string>();
  const byTime = data.customers.toSorted((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.key - y.key);
  const ordered = [...byTime.filter((c) => c.profile.kind === 'organisation'), ...byTime.filter((c) => c.profile.kind === 'person')];
  for (const c of ordered) {
    const input = parseInput(createCustomerSchema, { ...c.profile.input, tagIds: c.tags.map((k) => tagIds[k]), ...(c.parentKey !== null && { parentId: ids.get(c.parentKey) }) });
    ids.set(c.key, (await createCustomer({ db: deps.db, clock: at(c.createdAt) }, actor, input)).id);
  }
  for (const c of ordered) {
    if (c.employment) await addEmployment({ db: deps.db, clock: at(c.employment.at) }, actor, ids.get(c.key)!, { organisationId: ids.get(c.employment.organisationKey)!, title: c.employment.title });
  }
  return ids;
}
