import { sameDayInYear } from '../../shared/days.ts';
import { localDay } from './demo-acquisition.ts';
import { openingHoursAt, type DemoData } from './demo-data.ts';

const DAY = 86_400_000;

/**
 * Makes sure the Today page of a fresh demo has key dates and new customers to show: two
 * birthdays and two "customer since" anniversaries on today's day, and a few records made in
 * the last week. Applied after the story is drawn, so the story itself stays the same for a seed.
 */
export function pinTodayOccasions(data: DemoData, now: Date, offsetMinutes: number): void {
  const today = localDay(now, offsetMinutes);
  const year = Number(today.slice(0, 4));
  const buyers = new Set(data.transactions.map((t) => t.customerKey));
  const referrers = new Set(data.customers.flatMap((c) => (c.referral ? [c.referral.referrerKey] : [])));
  const people = data.customers.filter((c) => c.profile.kind === 'person');

  for (const c of people.filter((p) => p.profile.input.birthday).slice(0, 2)) {
    c.profile.input.birthday = sameDayInYear(today, Number(String(c.profile.input.birthday).slice(0, 4)));
  }
  // Customers since a year or more before their record was made: earlier than their first purchase.
  const old = data.customers.filter((c) => c.createdAt.getTime() < now.getTime() - 400 * DAY && !c.acquisition?.on);
  for (const c of old.slice(0, 2)) c.profile.input.customerSince = sameDayInYear(today, Math.min(Number(localDay(c.createdAt, offsetMinutes).slice(0, 4)) - 1, year - 1));

  // Records made this week: people who never bought, with no job, referral or dated acquisition to keep in order.
  const recent = data.customers.filter((c) => c.createdAt.getTime() >= now.getTime() - 7 * DAY).length;
  const movable = people.filter((c) => !buyers.has(c.key) && !c.employment && !c.referral && !referrers.has(c.key) && !c.acquisition?.on && c.createdAt.getTime() < now.getTime() - 7 * DAY);
  for (const [i, c] of movable.slice(0, Math.max(0, 4 - recent)).entries()) {
    c.createdAt = openingHoursAt(now, i + 1, offsetMinutes);
    if (c.profile.input.customerSince) c.profile.input.customerSince = localDay(c.createdAt, offsetMinutes);
  }
}
