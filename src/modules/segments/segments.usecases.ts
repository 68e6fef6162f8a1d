import type { Expression, Kysely, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { createSegmentSchema, Segment, updateSegmentSchema } from '../../contracts/segments.ts';
import { formatFilter, parseFilter, type FilterNode } from '../../contracts/filter-syntax.ts';
import type { DB } from '../../db/schema.ts';
import type { SegmentsTable } from '../../db/schema-segments.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays } from '../../shared/days.ts';
import { conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import type { Actor } from '../auth/permissions.ts';
import { compileTree, filterContext } from '../filters/filters.usecases.ts';
import type { FilterContext } from '../filters/filter-compiler.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createSegmentsRepository } from './segments.repository.ts';

export interface SegmentDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** Who is in a segment, as a condition on customers `c`: a snapshot's frozen members, a dynamic segment's filter now. */
export function membership(segment: Pick<SegmentsTable, 'id' | 'kind' | 'filter'>, ctx: FilterContext, locale?: string): Expression<SqlBool> | null {
  if (segment.kind === 'snapshot') return sql<SqlBool>`exists (select 1 from segment_members sm where sm.workspace_id = c.workspace_id and sm.segment_id = ${segment.id} and sm.customer_id = c.id)`;
  return compileTree(segment.filter, ctx, locale).where;
}

export async function listSegments(deps: SegmentDeps, actor: Actor, locale?: string): Promise<{ items: Segment[]; currency: string }> {
  const repo = createSegmentsRepository(deps.db);
  const now = deps.clock.now();
  const [rows, ctx, workspace] = await Promise.all([repo.list(actor.workspaceId), filterContext(deps.db, actor.workspaceId, now), createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId)]);
  const total = (await repo.measure(actor.workspaceId, null, null)).revenue365;
  const baselines = new Map((await repo.baselines(actor.workspaceId, ctx.today, addDays(ctx.today, -28))).map((b) => [b.segment_id, b]));
  const items: Segment[] = [];
  for (const row of rows) items.push(await measured(deps, row, ctx, total, baselines.get(row.id) ?? null, locale));
  return { items, currency: workspace!.base_currency };
}

async function measured(deps: SegmentDeps, row: SegmentsTable, ctx: FilterContext, total: number, baseline: { day: string; customers: number; revenue_365: number; total_revenue_365: number } | null, locale?: string): Promise<Segment> {
  const repo = createSegmentsRepository(deps.db);
  const m = await repo.measure(row.workspace_id, membership(row, ctx, locale), row.kind === 'snapshot' ? row.id : null);
  await repo.recordStat({ workspace_id: row.workspace_id, segment_id: row.id, day: ctx.today, customers: m.customers, revenue_365: m.revenue365, total_revenue_365: total });
  const share = total > 0 ? m.revenue365 / total : 0;
  const before = baseline && baseline.total_revenue_365 > 0 ? baseline.revenue_365 / baseline.total_revenue_365 : 0;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter: row.filter,
    kind: row.kind,
    frozenAt: row.frozen_at,
    customers: m.customers,
    holdout: m.holdout,
    revenue365: m.revenue365,
    revenueShare: share,
    change: baseline ? { since: baseline.day, customers: m.customers - baseline.customers, revenueShare: share - before } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getSegment(deps: SegmentDeps, actor: Actor, id: string, locale?: string): Promise<Segment> {
  const repo = createSegmentsRepository(deps.db);
  const row = await repo.get(actor.workspaceId, id);
  if (!row) throw notFound('segment');
  const ctx = await filterContext(deps.db, actor.workspaceId, deps.clock.now());
  const total = (await repo.measure(actor.workspaceId, null, null)).revenue365;
  const baseline = (await repo.baselines(actor.workspaceId, ctx.today, addDays(ctx.today, -28))).find((b) => b.segment_id === id) ?? null;
  return measured(deps, row, ctx, total, baseline, locale);
}

/** Saves a filter under a name; a snapshot freezes its members now (and draws the holdout). */
export async function createSegment(deps: SegmentDeps, actor: Actor, input: z.output<typeof createSegmentSchema>, locale?: string): Promise<Segment> {
  const repo = createSegmentsRepository(deps.db);
  const nameKey = normalizeText(input.name);
  if (await repo.byNameKey(actor.workspaceId, nameKey)) throw conflict('segments.name_taken', `There is already a segment called "${input.name}"`, { field: 'name' });
  const now = deps.clock.now();
  const ctx = await filterContext(deps.db, actor.workspaceId, now);
  const { tree, where } = compileTree(input.filter, ctx, locale);
  const at = now.toISOString();
  const row: SegmentsTable = {
    workspace_id: actor.workspaceId,
    id: newId(now.getTime()),
    name: input.name,
    name_key: nameKey,
    description: input.description ?? null,
    filter: formatFilter(tree),
    kind: input.kind,
    frozen_at: input.kind === 'snapshot' ? at : null,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    const tx = createSegmentsRepository(trx);
    await tx.insert(row);
    if (row.kind === 'snapshot') await tx.freeze(actor.workspaceId, row.id, where, input.holdoutShare ?? 0);
  });
  return getSegment(deps, actor, row.id, locale);
}

/** Whether a filter names the segment whose folded name is `key` (`segment = …`, `segment in (…)`). */
function namesSegment(node: FilterNode | null, key: string): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'and':
    case 'or':
      return node.items.some((item) => namesSegment(item, key));
    case 'not':
      return namesSegment(node.item, key);
    case 'compare':
    case 'in': {
      const field = node.field.toLowerCase();
      if (field !== 'segment' && field !== 'segments') return false;
      const values = node.type === 'compare' ? [node.value] : node.values;
      return values.some((v) => normalizeText(v.kind === 'text' ? v.text : v.kind === 'number' ? String(v.value) : v.kind === 'date' ? v.day : '') === key);
    }
    default:
      return false;
  }
}

/**
 * Dynamic segments name others by name, so renaming or deleting one they name would leave
 * their filter (and the segment list, which measures every segment) failing: refused (409).
 */
async function refuseIfNamed(deps: SegmentDeps, row: SegmentsTable, doing: string): Promise<void> {
  const others = (await createSegmentsRepository(deps.db).list(row.workspace_id)).filter((s) => {
    if (s.id === row.id || s.kind !== 'dynamic') return false;
    try {
      return namesSegment(parseFilter(s.filter), row.name_key);
    } catch {
      return false;
    }
  });
  if (others.length) {
    const names = others.map((s) => `"${s.name}"`).join(', ');
    throw conflict('segments.in_use', `Cannot ${doing} "${row.name}": the filter of ${names} names it; change that filter first`, { segments: others.map((s) => ({ id: s.id, name: s.name })) });
  }
}

export async function updateSegment(deps: SegmentDeps, actor: Actor, id: string, input: z.output<typeof updateSegmentSchema>, locale?: string): Promise<Segment> {
  const repo = createSegmentsRepository(deps.db);
  const row = await repo.get(actor.workspaceId, id);
  if (!row) throw notFound('segment');
  const patch: Parameters<typeof repo.update>[2] = { updated_at: deps.clock.now().toISOString() };
  if (input.name !== undefined) {
    const nameKey = normalizeText(input.name);
    const other = await repo.byNameKey(actor.workspaceId, nameKey);
    if (other && other.id !== id) throw conflict('segments.name_taken', `There is already a segment called "${input.name}"`, { field: 'name' });
    if (nameKey !== row.name_key) await refuseIfNamed(deps, row, 'rename');
    patch.name = input.name;
    patch.name_key = nameKey;
  }
  if (input.description !== undefined) patch.description = input.description;
  if (input.filter !== undefined && input.filter !== row.filter) {
    if (row.kind === 'snapshot') throw conflict('segments.snapshot_filter', 'A snapshot keeps the filter it was frozen with; save a new segment instead', { field: 'filter' });
    const ctx = await filterContext(deps.db, actor.workspaceId, deps.clock.now());
    // Checked with the segment itself changed, so that a filter naming it (directly or not) is a cycle.
    const { tree } = compileTree(input.filter, { ...ctx, segments: ctx.segments.map((s) => (s.id === id ? { ...s, filter: input.filter! } : s)) }, locale);
    patch.filter = formatFilter(tree);
  }
  await repo.update(actor.workspaceId, id, patch);
  return getSegment(deps, actor, id, locale);
}

export async function deleteSegment(deps: SegmentDeps, actor: Actor, id: string): Promise<void> {
  const repo = createSegmentsRepository(deps.db);
  const row = await repo.get(actor.workspaceId, id);
  if (!row) throw notFound('segment');
  await refuseIfNamed(deps, row, 'delete');
  if (!(await repo.remove(actor.workspaceId, id))) throw notFound('segment');
}

/** How many live customers a filter matches, and the filter written back plainly. */
export async function checkFilter(deps: SegmentDeps, actor: Actor, text: string, locale?: string): Promise<{ count: number; text: string }> {
  const ctx = await filterContext(deps.db, actor.workspaceId, deps.clock.now());
  const { tree, where } = compileTree(text, ctx, locale);
  return { count: await createSegmentsRepository(deps.db).count(actor.workspaceId, where), text: formatFilter(tree) };
}
