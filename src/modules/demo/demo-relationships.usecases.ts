import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { addDays, dayIn } from '../../shared/days.ts';
import type { Clock } from '../../shared/clock.ts';
import { createActivity, setComplaintStatus } from '../activities/activities.usecases.ts';
import { createAnalyticsRepository } from '../analytics/analytics.repository.ts';
import type { Actor } from '../auth/permissions.ts';
import { addCustomerReason, listReasons, markLost } from '../reasons/reasons.usecases.ts';
import { evaluateOwed, logThankYou } from '../thanks/thanks.usecases.ts';
import type { DemoLocale } from './demo-people.ts';
import { seededRng } from './demo-random.ts';

/** Positions in the seeded reason lists (DEFAULT_REASONS): what gold customers and the rest say, and why people leave. */
const GOLD_CHOOSE = [2, 2, 2, 0, 0, 6, 8];
const REST_CHOOSE = [1, 1, 1, 3, 3, 4, 5, 7];
const EXIT = [0, 1, 2, 3, 5];
const MOST_REASONS = 300;
const MOST_THANKED = 120;

const WORDS: Record<DemoLocale, { reason: string[]; complaint: string[]; resolution: string; call: string }> = {
  en: {
    reason: ['Always friendly and quick', 'Everything lasts', 'Best value in town', 'Close to my office', 'A friend told me'],
    complaint: ['The order arrived a day late', 'Charged twice for one purchase', 'The item broke within a week'],
    resolution: 'Apologised and refunded the difference',
    call: 'Called to say thank you',
  },
  ru: {
    reason: ['Всегда приветливо и быстро', 'Всё служит долго', 'Лучшие цены в городе', 'Рядом с работой', 'Посоветовала подруга'],
    complaint: ['Заказ привезли на день позже', 'Списали деньги дважды', 'Вещь сломалась через неделю'],
    resolution: 'Извинились и вернули разницу',
    call: 'Позвонили поблагодарить',
  },
};

/**
 * The relationship side of the demo, written through the app's use cases once value is computed:
 * reasons (gold customers mostly for service and quality, the rest for price and location),
 * thank-yous to gold customers over the last year, complaints (most resolved), and a few lapsed
 * customers marked lost with an exit reason — so the reports and queues have something to say.
 */
export async function writeRelationships(deps: { db: Kysely<DB>; clock: Clock }, actor: Actor, seed: number, locale: DemoLocale, timeZone: string): Promise<void> {
  const rng = seededRng(seed * 31 + 7);
  const words = WORDS[locale];
  const today = dayIn(deps.clock.now(), timeZone);
  const metrics = await createAnalyticsRepository(deps.db).tiersAndStates(actor.workspaceId);
  const choose = (await listReasons(deps, actor, 'choose')).toSorted((a, b) => a.position - b.position);
  const exit = (await listReasons(deps, actor, 'exit')).toSorted((a, b) => a.position - b.position);
  const pastDay = (maxDaysAgo: number) => addDays(today, -rng.int(1, maxDaysAgo));

  let reasons = 0;
  for (const m of metrics) {
    if (reasons >= MOST_REASONS || !rng.chance(0.55)) continue;
    const reason = choose[rng.pick(m.tier === 'gold' ? GOLD_CHOOSE : REST_CHOOSE)]!;
    await addCustomerReason(deps, actor, m.customer_id, { reasonId: reason.id, kind: 'choose', notedOn: pastDay(330), via: rng.chance(0.3) ? 'survey' : 'staff', ...(rng.chance(0.4) && { words: rng.pick(words.reason) }) });
    reasons++;
  }

  const gold = metrics.filter((m) => m.tier === 'gold').slice(0, MOST_THANKED);
  for (const m of gold) {
    for (let i = rng.int(0, 2); i > 0; i--) {
      const kind = rng.pick(['gift', 'call', 'note', 'discount', 'coupon', 'tickets'] as const);
      const cost = kind === 'call' || kind === 'note' ? null : rng.int(5, 60) * 100;
      await logThankYou(deps, actor, m.customer_id, { kind, occasion: rng.pick(['purchase', 'gold', 'anniversary', 'referral'] as const), givenOn: pastDay(360), costMinor: cost, note: kind === 'call' ? words.call : null });
    }
  }

  const complainers = metrics.filter(() => rng.chance(0.03)).slice(0, 6);
  for (const [i, m] of complainers.entries()) {
    const at = new Date(`${pastDay(200)}T11:00:00Z`).toISOString();
    const complaint = await createActivity(deps, actor, m.customer_id, { kind: 'complaint', body: words.complaint[i % words.complaint.length]!, occurredAt: at });
    if (i % 3 !== 2) await setComplaintStatus(deps, actor, complaint.id, { status: 'resolved', resolution: words.resolution });
  }

  const lapsed = metrics.filter((m) => m.lapse_state === 'lapsed' && m.tier === 'other').slice(0, 4);
  for (const m of lapsed) await markLost(deps, actor, m.customer_id, { reasonId: exit[rng.pick(EXIT)]!.id });

  await evaluateOwed(deps, actor.workspaceId);
}
