import type { z } from 'zod';
import type { winbackActionInputSchema, WinbackEntry } from '../../contracts/winback.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { WinbackActionsTable } from '../../db/schema.ts';
import { addDays, dayIn } from '../../shared/days.ts';
import { notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import { createActivity } from '../activities/activities.usecases.ts';
import type { Actor } from '../auth/permissions.ts';
import { addCodes, createCampaign } from '../campaigns/campaigns.usecases.ts';
import { checkSendable, sendToCustomer } from '../email/outbox.usecases.ts';
import type { EmailDeps } from '../email/smtp-settings.usecases.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createWinbackRepository } from './winback.repository.ts';

const CONTACTED_DAYS = 14;
const COUPON_DAYS = 60;
const CAMPAIGN_NAME = { en: 'Win-back', ru: 'Возврат клиентов' };
const CALL_NOTE = { en: 'Win-back call', ru: 'Звонок: возврат клиента' };

/**
 * The win-back queue: gold and silver customers whose lapse state is at risk or lapsed and whom
 * nobody marked lost, most value at stake first. Value at stake is the predicted CLV when the
 * model is fitted, else the value their tier was measured on (trailing-365-day revenue).
 */
export async function winbackQueue(deps: EmailDeps, actor: Actor, filter: { tier?: 'gold' | 'silver'; state?: 'at_risk' | 'lapsed'; includeContacted: boolean }) {
  const repo = createWinbackRepository(deps.db);
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId))!;
  const rows = await repo.queue(actor.workspaceId, filter);
  const last = new Map<string, { action: WinbackActionsTable['action']; at: string; by: string | null }>();
  for (const a of await repo.lastActions(actor.workspaceId, rows.map((r) => r.id))) {
    if (!last.has(a.customer_id)) last.set(a.customer_id, { action: a.action, at: new Date(a.at).toISOString(), by: a.by ?? null });
  }
  const contactedSince = deps.clock.now().getTime() - CONTACTED_DAYS * 86_400_000;
  const items: WinbackEntry[] = rows
    .map((r): WinbackEntry => {
      const clv = r.clv === null ? null : Number(r.clv);
      const fallback = Number(r.tier_value ?? r.revenue_365 ?? 0);
      return {
        customerId: r.id, name: r.display_name, email: r.email ?? null, phone: r.phone ?? null, consent: r.consent_given === 1,
        tier: r.tier as 'gold' | 'silver', lapseState: r.lapse_state as 'at_risk' | 'lapsed', usualGapDays: r.lapse_gap_days === null ? null : Number(r.lapse_gap_days),
        gapSource: r.lapse_gap_source, lastPurchaseAt: r.last_purchase_at ? new Date(r.last_purchase_at).toISOString() : null,
        daysSinceLast: r.days_since_last === null ? null : Number(r.days_since_last), pAlive: r.p_alive === null ? null : Number(r.p_alive),
        valueAtStakeMinor: Math.round(clv ?? fallback), valueBasis: clv !== null ? 'clv' : 'revenue', lastAction: last.get(r.id) ?? null,
      };
    })
    .filter((e) => filter.includeContacted || !e.lastAction || Date.parse(e.lastAction.at) < contactedSince)
    .toSorted((a, b) => b.valueAtStakeMinor - a.valueAtStakeMinor || (b.daysSinceLast ?? 0) - (a.daysSinceLast ?? 0) || a.name.localeCompare(b.name));
  return { currency: workspace.base_currency, items, valueAtStakeMinor: items.reduce((sum, e) => sum + e.valueAtStakeMinor, 0) };
}

/**
 * One click from the queue: a call logged on the timeline, the "could we have done better?"
 * email with its exit survey link, or a single-use win-back code (valid 60 days) sent by email.
 * Each is recorded as a win-back action, which the queue shows as the last contact.
 */
export async function takeWinbackAction(deps: EmailDeps, actor: Actor, customerId: string, input: z.output<typeof winbackActionInputSchema>) {
  const customer = await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId);
  if (!customer) throw notFound('customer');
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId))!;
  const lang = workspace.locale === 'ru' ? 'ru' : 'en';
  let activityId: string | null = null;
  let messageId: string | null = null;
  let couponCode: string | null = null;
  if (input.action === 'call') {
    activityId = (await createActivity(deps, actor, customerId, { kind: 'call', body: input.note || CALL_NOTE[lang] })).id;
  } else if (input.action === 'ask_why') {
    const sent = await sendToCustomer(deps, actor, customerId, { purpose: 'exit_question' });
    messageId = sent.message!.id;
    activityId = sent.message!.activityId;
  } else {
    await checkSendable(deps, actor.workspaceId, customerId, true);
    const campaignId = input.campaignId ?? (await winbackCampaign(deps, actor, CAMPAIGN_NAME[lang]));
    const today = dayIn(deps.clock.now(), workspace.time_zone);
    const { added } = await addCodes(deps, actor, campaignId, { count: 1, prefix: 'WB', maxUses: 1, validFrom: today, validUntil: addDays(today, COUPON_DAYS) });
    couponCode = added[0]!;
    const sent = await sendToCustomer(deps, actor, customerId, { purpose: 'winback', couponCode });
    messageId = sent.message!.id;
    activityId = sent.message!.activityId;
  }
  const at = toDbTime(deps.clock.now());
  await createWinbackRepository(deps.db).insertAction({
    workspace_id: actor.workspaceId, id: newId(), customer_id: customerId, action: input.action, detail: JSON.stringify({ activityId, messageId, couponCode }),
    taken_by: actor.userId === 'cli' ? null : actor.userId, at,
  });
  return { action: input.action, activityId, messageId, couponCode, at };
}

async function winbackCampaign(deps: EmailDeps, actor: Actor, name: string): Promise<string> {
  const existing = await createWinbackRepository(deps.db).campaignByName(actor.workspaceId, normalizeText(name));
  if (existing) return existing.id;
  return (await createCampaign(deps, actor, { name, notes: 'Single-use codes sent from the win-back queue' })).id;
}
