import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, dayIn } from '../../shared/days.ts';
import { createAnalyticsRepository } from '../analytics/analytics.repository.ts';
import type { Actor } from '../auth/permissions.ts';
import { completeFollowUp, createFollowUp } from '../followups/followups.usecases.ts';
import { createUsersRepository } from '../users/users.repository.ts';
import type { DemoLocale } from './demo-people.ts';
import { seededRng } from './demo-random.ts';

const NOTES: Record<DemoLocale, { plan: (string | null)[]; done: string[] }> = {
  en: {
    plan: ['Ask how the last order went', 'Offer the spring collection', 'Confirm the delivery address', 'Invite to the tasting evening', null, null],
    done: ['Called: happy with the order, wants a catalogue', 'Left a message, will call back next week'],
  },
  ru: {
    plan: ['Спросить, как прошёл последний заказ', 'Предложить весеннюю коллекцию', 'Уточнить адрес доставки', 'Пригласить на дегустацию', null, null],
    done: ['Позвонили: заказом довольны, просят каталог', 'Оставили сообщение, перезвонят на следующей неделе'],
  },
};

/** [days from today, for the owner (else the team)], and how many of the past ones are done. */
const PLAN: [number, boolean][] = [
  [-9, true], [-6, true], [-4, false], [-3, true], [-2, true], [-1, false],
  [0, true], [0, true], [0, true], [0, false], [0, false], [0, true],
  [1, true], [2, false], [3, true], [5, true], [7, false], [9, true], [12, true], [16, false], [21, true],
  [-20, true], [-15, true], [-12, false], [-8, true],
];
const DONE = 4; // the last four of PLAN

/**
 * About 25 follow-ups made by hand through the use cases, on the demo's clock: some overdue,
 * some due today (for the owner and for the team), some in the coming weeks, a few already done.
 */
export async function writeFollowUps(deps: { db: Kysely<DB>; clock: Clock }, workspaceId: string, seed: number, locale: DemoLocale, timeZone: string): Promise<number> {
  const owner = (await createUsersRepository(deps.db).listUsers(workspaceId)).find((u) => u.role === 'owner');
  if (!owner) return 0;
  const actor: Actor = { workspaceId, userId: owner.id, role: 'owner', via: 'session', scope: 'read_write' };
  const rng = seededRng(seed * 17 + 3);
  const today = dayIn(deps.clock.now(), timeZone);
  const customers = (await createAnalyticsRepository(deps.db).tiersAndStates(workspaceId)).filter(() => rng.chance(0.2)).map((m) => m.customer_id);
  const words = NOTES[locale];
  let made = 0;
  for (const [i, [days, mine]] of PLAN.entries()) {
    const customerId = customers[i % Math.max(1, customers.length)];
    if (!customerId) break;
    const followUp = await createFollowUp(deps, actor, customerId, {
      dueOn: addDays(today, days), kind: rng.pick(['call', 'call', 'email', 'visit'] as const), ...(!mine && { assigneeId: null }), note: rng.pick(words.plan),
    });
    if (i >= PLAN.length - DONE) await completeFollowUp(deps, actor, followUp.id, i % 2 === 0 ? words.done[i % words.done.length] : undefined);
    made++;
  }
  return made;
}
