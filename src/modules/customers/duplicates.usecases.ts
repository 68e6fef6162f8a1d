import type { z } from 'zod';
import type { duplicatePairSchema } from '../../contracts/customers.ts';
import type { Actor } from '../auth/permissions.ts';
import { summarize } from './customer-views.ts';
import type { CustomerDeps } from './customer-writes.usecases.ts';
import { createCustomersRepository } from './customers.repository.ts';
import { createMergeRepository } from './merge.repository.ts';

type Reason = z.infer<typeof duplicatePairSchema>['reasons'][number];
const PAIRS_PER_REASON = 200;

/** Likely duplicates: the same email, the same phone, or the same name at the same organisation. */
export async function findDuplicates(deps: CustomerDeps, actor: Actor): Promise<z.infer<typeof duplicatePairSchema>[]> {
  const repo = createMergeRepository(deps.db);
  const found: [Reason, { a: string; b: string }[]][] = [
    ['same_email', await repo.samePairs(actor.workspaceId, 'email', PAIRS_PER_REASON)],
    ['same_phone', await repo.samePairs(actor.workspaceId, 'phone', PAIRS_PER_REASON)],
    ['same_name_in_organisation', await repo.sameNameInOrganisation(actor.workspaceId, PAIRS_PER_REASON)],
    ['same_name', await repo.sameOrganisationName(actor.workspaceId, PAIRS_PER_REASON)],
  ];
  const pairs = new Map<string, { a: string; b: string; reasons: Reason[] }>();
  for (const [reason, rows] of found) {
    for (const { a, b } of rows) {
      const [first, second] = a < b ? [a, b] : [b, a];
      const key = `${first}|${second}`;
      const pair = pairs.get(key) ?? { a: first, b: second, reasons: [] };
      if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
      pairs.set(key, pair);
    }
  }
  const ids = [...new Set([...pairs.values()].flatMap((p) => [p.a, p.b]))];
  const rows = await createCustomersRepository(deps.db).getCustomers(actor.workspaceId, ids);
  const summaries = new Map((await summarize(deps.db, actor.workspaceId, rows)).map((s) => [s.id, s]));
  return [...pairs.values()]
    .filter((p) => summaries.has(p.a) && summaries.has(p.b))
    .toSorted((x, y) => y.reasons.length - x.reasons.length || summaries.get(x.a)!.displayName.localeCompare(summaries.get(y.a)!.displayName))
    .map((p) => ({ a: summaries.get(p.a)!, b: summaries.get(p.b)!, reasons: p.reasons }));
}
