import type { Kysely } from 'kysely';
import type { ThankRules } from '../../contracts/thanks.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, OwedThanksTable, ThankRule } from '../../db/schema.ts';
import { addDays, dayIn, sameDayInYear } from '../../shared/days.ts';
import { newId } from '../../shared/ids.ts';
import { createThanksRepository } from './thanks.repository.ts';

export interface Occasion {
  customerId: string;
  rule: ThankRule;
  key: string;
  on: string;
  detail: Record<string, string | number>;
}

/**
 * Who is owed thanks, as of `now`: every occasion of an enabled rule on a day in the window
 * (the last `lookbackDays` days, in the workspace's time zone; for birthdays up to `daysAhead`
 * days ahead). Each occasion has a key, so it becomes owed once, whatever later runs find.
 */
export async function findOccasions(db: Kysely<DB>, workspace: { id: string; base_currency: string; time_zone: string }, rules: ThankRules, now: Date): Promise<Occasion[]> {
  const repo = createThanksRepository(db);
  const zone = workspace.time_zone;
  const today = dayIn(now, zone);
  const first = addDays(today, -rules.lookbackDays);
  // Instants a day early: the exact day test in the zone follows.
  const since = toDbTime(new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000));
  const inWindow = (day: string) => day >= first && day <= today;
  const out: Occasion[] = [];
  const r = rules.rules;

  if (r.referral_bought.enabled) {
    for (const x of await repo.referralsThatBought(workspace.id, since)) {
      const on = dayIn(x.first_purchase_at!, zone);
      if (inWindow(on)) out.push({ customerId: x.referred_by_id!, rule: 'referral_bought', key: `referral:${x.id}`, on, detail: { referralId: x.id, referralName: x.display_name } });
    }
  }
  if (r.first_purchase.enabled) {
    for (const c of await repo.firstPurchasesSince(workspace.id, since)) {
      const on = dayIn(c.first_purchase_at!, zone);
      const detail: Record<string, string | number> = c.amount_minor === null || c.amount_minor === undefined ? {} : { amountMinor: Number(c.amount_minor), currency: c.currency! };
      if (inWindow(on)) out.push({ customerId: c.id, rule: 'first_purchase', key: `first:${c.id}`, on, detail });
    }
  }
  if (r.entered_gold.enabled) {
    const recent = await repo.recentGoldOccasions(workspace.id, since);
    for (const m of await repo.enteredGold(workspace.id, since)) {
      const on = dayIn(m.computed_at, zone);
      if (inWindow(on) && !recent.has(m.id)) out.push({ customerId: m.id, rule: 'entered_gold', key: `gold:${m.id}:${on}`, on, detail: {} });
    }
  }
  if (r.big_purchase.enabled) {
    for (const t of await repo.bigPurchases(workspace.id, workspace.base_currency, r.big_purchase.amountMinor, since)) {
      const on = dayIn(t.occurred_at, zone);
      if (inWindow(on)) out.push({ customerId: t.customer_id!, rule: 'big_purchase', key: `purchase:${t.id}`, on, detail: { transactionId: t.id, amountMinor: Number(t.amount_minor), currency: t.currency } });
    }
  }
  if (r.anniversary.enabled || r.birthday.enabled) {
    const year = Number(today.slice(0, 4));
    const last = addDays(today, r.birthday.daysAhead);
    for (const c of await repo.customerDates(workspace.id)) {
      const customerSince = c.customer_since ? String(c.customer_since).slice(0, 10) : c.first_purchase_at ? dayIn(c.first_purchase_at, zone) : null;
      if (r.anniversary.enabled && customerSince) {
        for (const y of [year - 1, year]) {
          const years = y - Number(customerSince.slice(0, 4));
          const on = sameDayInYear(customerSince, y);
          if (years >= 1 && years % r.anniversary.everyYears === 0 && inWindow(on)) {
            out.push({ customerId: c.id, rule: 'anniversary', key: `anniversary:${c.id}:${years}`, on, detail: { years } });
          }
        }
      }
      if (r.birthday.enabled && c.birthday) {
        for (const y of [year - 1, year, year + 1]) {
          const on = sameDayInYear(String(c.birthday).slice(0, 10), y);
          if (on >= first && on <= last) out.push({ customerId: c.id, rule: 'birthday', key: `birthday:${c.id}:${y}`, on, detail: {} });
        }
      }
    }
  }
  return out;
}

/** Adds the occasions not seen before as owed thanks; returns how many were new. */
export async function recordOccasions(db: Kysely<DB>, workspaceId: string, occasions: Occasion[], now: Date): Promise<number> {
  const at = toDbTime(now);
  const rows: OwedThanksTable[] = occasions.map((o) => ({
    workspace_id: workspaceId, id: newId(), customer_id: o.customerId, rule: o.rule, occasion_key: o.key, occurred_on: o.on,
    detail: JSON.stringify(o.detail), status: 'owed', dismiss_reason: null, thank_you_id: null, resolved_at: null, resolved_by: null, created_at: at,
  }));
  return createThanksRepository(db).insertOwed(rows);
}
