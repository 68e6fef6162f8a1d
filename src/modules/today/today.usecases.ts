import type { z } from 'zod';
import type { FollowUp } from '../../contracts/followups.ts';
import type { TodayItem, TodayQueue, todayDoneSchema } from '../../contracts/today.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { addDays, dayIn } from '../../shared/days.ts';
import { notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { toFollowUp } from '../followups/follow-up-view.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { daysBetween, mondayOf, monthDayNumber, occasionMonthDays, zoneMidnight } from './today-days.ts';
import { driftingReason, followUpReason, keyDateLabel, keyDateReason, lapsedReason, newCustomerReason, thanksReason, type Lang } from './today-reasons.ts';
import { createTodayRepository } from './today.repository.ts';

export interface TodayDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** A customer asked why they left is not asked again for this long. */
const ASKED_DAYS = 90;
/** New customers stay in the queue this many days, today included. */
const NEW_DAYS = 7;

type Card = Pick<TodayItem, 'customerName' | 'tier' | 'email' | 'phone'>;
type Draft = Omit<TodayItem, keyof Card>;

/**
 * The Today queue: what to do today, by section, each with how many there are and the first
 * `limit`; "today" is the workspace's calendar day, the sentences in the reader's language.
 */
export async function todayQueue(deps: TodayDeps, actor: Actor, query: { scope: 'mine' | 'everyone'; limit: number; lang?: 'en' | 'ru' | undefined }): Promise<TodayQueue> {
  const repo = createTodayRepository(deps.db);
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId))!;
  const zone = workspace.time_zone;
  const now = deps.clock.now();
  const today = dayIn(now, zone);
  const lang: Lang = (query.lang ?? (await repo.userLocale(actor.workspaceId, actor.userId)) ?? workspace.locale).startsWith('ru') ? 'ru' : 'en';
  const { limit } = query;
  const monthDays = occasionMonthDays(today);
  const nearMonthDays = [...new Set(monthDays.flatMap((md) => {
    const day = `2000-${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`; // a leap year, so 29 February has neighbours
    return [addDays(day, -1), day, addDays(day, 1)].map(monthDayNumber);
  }))];
  const monday = mondayOf(today);
  const tomorrow = addDays(today, 1);
  const spans = [
    { from: zoneMidnight(monday, zone), to: zoneMidnight(tomorrow, zone) },
    { from: zoneMidnight(addDays(monday, -7), zone), to: zoneMidnight(addDays(tomorrow, -7), zone) },
  ];

  const [followUps, thanks, drifting, lapsed, keyDates, fresh, week] = await Promise.all([
    repo.followUpsDue(actor.workspaceId, { today, actorId: actor.userId, mine: query.scope === 'mine', limit }),
    repo.thanksOwed(actor.workspaceId, { limit }),
    repo.goldDrifting(actor.workspaceId, { zone, limit }),
    repo.lapsedToAsk(actor.workspaceId, { zone, askedSince: toDbTime(new Date(now.getTime() - ASKED_DAYS * 86_400_000)), limit }),
    repo.keyDates(actor.workspaceId, { today, monthDays, nearMonthDays, limit }),
    repo.newCustomers(actor.workspaceId, { sinceInstant: zoneMidnight(addDays(today, 1 - NEW_DAYS), zone), sinceDay: addDays(today, 1 - NEW_DAYS), today, limit }),
    repo.weekFigures(actor.workspaceId, { currency: workspace.base_currency, spans }),
  ]);

  const base = { valueAtStakeMinor: null } as const;
  const drafts = {
    followUpsDue: followUps.map((f): Draft => {
      const followUp: FollowUp = toFollowUp({ ...f, done_by_name: null }, today, lang);
      // Its own reason when it has one (a rule's occasion, a note); a bare one made by hand says only when.
      const why = f.rule !== null || f.note?.trim() ? followUp.reason : null;
      return { ...base, section: 'followUpsDue', key: f.id, customerId: f.customer_id, reason: followUpReason(lang, f.kind, f.due_on, today, why), followUp, day: f.due_on };
    }),
    thanksOwed: thanks.map((o): Draft => ({
      ...base, section: 'thanksOwed', key: o.id, customerId: o.customer_id, owedId: o.id, rule: o.rule, day: o.occurred_on,
      reason: thanksReason(lang, o.rule, o.occurred_on, o.detail ? (JSON.parse(o.detail) as Record<string, unknown>) : {}),
    })),
    goldDrifting: drifting.map((m): Draft => {
      const lastDay = dayIn(m.last_purchase_at!, zone);
      const gap = m.lapse_gap_days ?? m.average_gap_days;
      return {
        section: 'goldDrifting', key: `${m.customer_id}:${lastDay}`, customerId: m.customer_id, day: lastDay, valueAtStakeMinor: Math.round(Number(m.value)),
        reason: driftingReason(lang, gap === null ? null : Math.round(Number(gap)), daysBetween(lastDay, today)),
      };
    }),
    lapsedToAsk: lapsed.map((m): Draft => {
      const lastDay = dayIn(m.last_purchase_at!, zone);
      return {
        section: 'lapsedToAsk', key: `${m.customer_id}:${lastDay}`, customerId: m.customer_id, day: lastDay, valueAtStakeMinor: Math.round(Number(m.value)),
        reason: lapsedReason(lang, daysBetween(lastDay, today)),
      };
    }),
    keyDates: keyDates.map((k): Draft => {
      const years = k.kind === 'anniversary' ? Number(today.slice(0, 4)) - Number(k.date.slice(0, 4)) : null;
      return {
        ...base, section: 'keyDates', key: `${k.kind}:${k.customer_id}:${today}`, customerId: k.customer_id, day: today,
        keyDate: { kind: k.kind, label: keyDateLabel(lang, k.kind), date: k.date.slice(0, 10), years }, reason: keyDateReason(lang, k.kind, years),
      };
    }),
    newCustomers: fresh.map((n): Draft => ({ ...base, section: 'newCustomers', key: n.customer_id, customerId: n.customer_id, day: n.day, reason: newCustomerReason(lang, daysBetween(n.day, today)) })),
  };
  const ids = [...new Set(Object.values(drafts).flatMap((list) => list.map((d) => d.customerId)))];
  const cards = new Map((await repo.customerCards(actor.workspaceId, ids)).map((c) => [c.id, { customerName: c.display_name, tier: c.tier ?? null, email: c.email ?? null, phone: c.phone ?? null }]));
  const section = (list: Draft[], rows: { total: number | string }[]) => ({
    count: rows.length === 0 ? 0 : Number(rows[0]!.total),
    items: list.map((d): TodayItem => ({ ...d, ...(cards.get(d.customerId) ?? { customerName: '', tier: null, email: null, phone: null }) })),
  });
  return {
    today, timeZone: zone, currency: workspace.base_currency, scope: query.scope,
    sections: {
      followUpsDue: section(drafts.followUpsDue, followUps), thanksOwed: section(drafts.thanksOwed, thanks), goldDrifting: section(drafts.goldDrifting, drifting),
      lapsedToAsk: section(drafts.lapsedToAsk, lapsed), keyDates: section(drafts.keyDates, keyDates), newCustomers: section(drafts.newCustomers, fresh),
    },
    week: { from: monday, thisWeek: week[0]!, lastWeek: week[1]! },
    generatedAt: now.toISOString(),
  };
}

/** Marks an item without a state of its own done: it leaves the queue until its key changes. */
export async function markDone(deps: TodayDeps, actor: Actor, input: z.output<typeof todayDoneSchema>): Promise<void> {
  const repo = createTodayRepository(deps.db);
  if (!(await repo.customerExists(actor.workspaceId, input.customerId))) throw notFound('customer');
  await repo.insertDone({
    workspace_id: actor.workspaceId, section: input.section, item_key: input.key, customer_id: input.customerId,
    done_by: actor.userId === 'cli' ? null : actor.userId, done_at: toDbTime(deps.clock.now()),
  });
}
