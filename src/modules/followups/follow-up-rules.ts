import type { Kysely } from 'kysely';
import { DEFAULT_FOLLOW_UP_RULES, followUpRulesSchema, type FollowUpRules } from '../../contracts/followups.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, FollowUpsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, dayIn, sameDayInYear } from '../../shared/days.ts';
import { newId } from '../../shared/ids.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createFollowUpsRepository } from './followups.repository.ts';

export interface FollowUpRuleDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** A follow-up a rule would raise: once per (rule, key), whatever later runs find. */
export interface FollowUpOccasion {
  customerId: string;
  rule: 'first_purchase' | 'expected_purchase' | 'complaint_resolved' | 'date_attribute';
  key: string;
  /** The occasion's day (shown in the reason). */
  on: string;
  dueOn: string;
  activityId?: string;
}

export async function getFollowUpRules(db: Kysely<DB>, workspaceId: string): Promise<FollowUpRules> {
  const stored = await createFollowUpsRepository(db).getSettings(workspaceId);
  if (!stored) return DEFAULT_FOLLOW_UP_RULES;
  const parsed = followUpRulesSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_FOLLOW_UP_RULES;
}

/** How far ahead an expected-purchase follow-up is raised. */
const EXPECTED_AHEAD_DAYS = 30;

const BOUGHT_AGAIN = { en: 'They bought again', ru: 'Клиент снова купил' } as const;

/** Instants a day early: the exact day test in the zone follows. */
const sinceInstant = (first: string) => toDbTime(new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000));

/**
 * Raises what the enabled rules say is due, each occasion once (ignoring occasions older than
 * `lookbackDays`, in the workspace's time zone), and skips open expected-purchase follow-ups
 * whose customer bought again. One query per rule, inserts in chunks. Returns how many were new.
 */
export async function evaluateFollowUps(deps: FollowUpRuleDeps, workspaceId: string): Promise<number> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) return 0;
  const rules = await getFollowUpRules(deps.db, workspaceId);
  const repo = createFollowUpsRepository(deps.db);
  const now = deps.clock.now();
  const zone = workspace.time_zone;
  const today = dayIn(now, zone);
  const first = addDays(today, -rules.lookbackDays);
  const since = sinceInstant(first);
  const r = rules.rules;
  const out: FollowUpOccasion[] = [];

  if (r.first_purchase.enabled) {
    for (const c of await repo.firstPurchasesSince(workspaceId, since)) {
      const on = dayIn(c.first_purchase_at!, zone);
      if (on >= first) out.push({ customerId: c.id, rule: 'first_purchase', key: c.id, on, dueOn: addDays(on, r.first_purchase.afterDays) });
    }
  }

  if (r.expected_purchase.enabled) {
    for (const c of await repo.rhythms(workspaceId)) {
      const last = dayIn(c.last_purchase_at!, zone);
      const key = `${c.id}:${last}`;
      const expected = addDays(last, Math.round(Number(c.average_gap_days)));
      // A reminder ahead of the purchase, raised once it is due within a month; a purchase already
      // late is the Today queue's "drifting" (or lapsed), not a follow-up to add.
      const dueOn = addDays(expected, -r.expected_purchase.daysBefore);
      if (expected >= today && dueOn <= addDays(today, EXPECTED_AHEAD_DAYS)) out.push({ customerId: c.id, rule: 'expected_purchase', key, on: expected, dueOn });
    }
    // Bought again since it was raised (its key names an older last purchase): no longer expected.
    const stale = (await repo.openExpected(workspaceId))
      .filter((f) => f.last_purchase_at !== null && f.occasion_key !== `${f.customer_id}:${dayIn(f.last_purchase_at, zone)}`);
    const lang = workspace.locale === 'ru' ? 'ru' : 'en';
    await repo.skipMany(workspaceId, stale.map((f) => f.id), BOUGHT_AGAIN[lang], toDbTime(now));
  }

  if (r.complaint_resolved.enabled) out.push(...(await complaintOccasions(deps.db, workspaceId, zone, first, r.complaint_resolved.afterDays)));

  if (rules.dateAttributes.length > 0) {
    const byId = new Map(rules.dateAttributes.map((a) => [a.attributeId, a]));
    const year = Number(first.slice(0, 4));
    for (const v of await repo.dateValues(workspaceId, [...byId.keys()])) {
      const rule = byId.get(v.attribute_id)!;
      const date = String(v.value_date).slice(0, 10);
      let on = date;
      if (rule.yearly) {
        // The next occurrence on or after the window's first day.
        on = sameDayInYear(date, year);
        if (on < first) on = sameDayInYear(date, year + 1);
        if (on < date) on = date; // not before the date itself
      } else if (on < first) continue;
      out.push({ customerId: v.customer_id, rule: 'date_attribute', key: `${v.attribute_id}:${v.customer_id}:${on}`, on, dueOn: addDays(on, -rule.daysBefore) });
    }
  }

  return record(deps.db, workspaceId, out, now);
}

/** The complaint rule for one complaint, right when it is resolved (so its follow-up appears at once). */
export async function raiseForResolvedComplaint(deps: FollowUpRuleDeps, workspaceId: string, activityId: string): Promise<number> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) return 0;
  const rules = await getFollowUpRules(deps.db, workspaceId);
  if (!rules.rules.complaint_resolved.enabled) return 0;
  const now = deps.clock.now();
  const first = addDays(dayIn(now, workspace.time_zone), -rules.lookbackDays);
  const occasions = await complaintOccasions(deps.db, workspaceId, workspace.time_zone, first, rules.rules.complaint_resolved.afterDays, activityId);
  return record(deps.db, workspaceId, occasions, now);
}

async function complaintOccasions(db: Kysely<DB>, workspaceId: string, zone: string, first: string, afterDays: number, activityId?: string): Promise<FollowUpOccasion[]> {
  const out: FollowUpOccasion[] = [];
  for (const x of await createFollowUpsRepository(db).resolvedComplaints(workspaceId, { since: sinceInstant(first), activityId })) {
    const on = dayIn(x.resolved_at!, zone);
    if (on >= first) out.push({ customerId: x.customer_id, rule: 'complaint_resolved', key: x.id, on, dueOn: addDays(on, afterDays), activityId: x.id });
  }
  return out;
}

/** Auto follow-ups: for the team (no assignee), made by no one. */
async function record(db: Kysely<DB>, workspaceId: string, occasions: FollowUpOccasion[], now: Date): Promise<number> {
  const at = toDbTime(now);
  const repo = createFollowUpsRepository(db);
  // Most occasions were raised by an earlier run: leave those out before inserting (the unique key still decides).
  const fresh: FollowUpOccasion[] = [];
  for (const rule of new Set(occasions.map((o) => o.rule))) {
    const mine = occasions.filter((o) => o.rule === rule);
    const known = await repo.knownKeys(workspaceId, rule, mine.reduce((min, o) => (o.dueOn < min ? o.dueOn : min), mine[0]!.dueOn));
    fresh.push(...mine.filter((o) => !known.has(o.key)));
  }
  const rows: FollowUpsTable[] = fresh.map((o) => ({
    workspace_id: workspaceId, id: newId(), customer_id: o.customerId, due_on: o.dueOn, kind: o.rule === 'date_attribute' ? 'other' : 'call', assignee_id: null, note: null,
    status: 'open', skip_reason: null, rule: o.rule, occasion_key: o.key, occasion_on: o.on, activity_id: o.activityId ?? null, done_at: null, done_by: null,
    done_activity_id: null, snoozed: 0, created_by: null, created_at: at, updated_at: at,
  }));
  return repo.insert(rows);
}
