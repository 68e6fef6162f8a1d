import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import type { z } from 'zod';
import type { bulkActionSchema } from '../../contracts/customers.ts';
import { toDbTime } from '../../db/dialect.ts';
import { badRequest } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { createTagsRepository } from '../tags/tags.repository.ts';
import { assertTagsExist } from '../tags/tags.usecases.ts';
import type { CustomerDeps } from './customer-writes.usecases.ts';
import { createCustomersRepository } from './customers.repository.ts';
import { recordHistory } from './history.ts';

/** Tags added or removed, or customers deleted, for many selected customers at once. */
export async function bulkAction(deps: CustomerDeps, actor: Actor, input: z.output<typeof bulkActionSchema>): Promise<{ affected: number }> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const ids = [...new Set(input.ids)];
    const rows = [];
    for (let i = 0; i < ids.length; i += 500) rows.push(...(await customers.getCustomers(actor.workspaceId, ids.slice(i, i + 500))));
    const live = rows.filter((r) => r.deleted_at === null);
    const tags = createTagsRepository(trx);

    if (input.action === 'delete') {
      const now = toDbTime(deps.clock.now());
      for (const row of live) {
        await customers.updateCustomer(actor.workspaceId, row.id, row.version, { deleted_at: now, updated_at: now });
        await recordHistory(trx, actor, deps.clock, row.id, [{ action: 'deleted', field: null, oldValue: null, newValue: null }]);
      }
      return { affected: live.length };
    }

    const tagIds = input.tagIds ?? [];
    if (tagIds.length === 0) throw badRequest('bulk.tags_required', 'Choose at least one tag', { fields: [{ path: 'tagIds', code: 'too_small', message: 'Choose at least one tag' }] });
    await assertTagsExist(trx, actor.workspaceId, tagIds);
    const names = (await tags.getTags(actor.workspaceId, tagIds)).map((t) => t.name).join(', ');
    const liveIds = live.map((r) => r.id);
    for (let i = 0; i < liveIds.length; i += 500) {
      const chunk = liveIds.slice(i, i + 500);
      if (input.action === 'add_tags') await tags.addTags(actor.workspaceId, chunk, tagIds);
      else await tags.removeTags(actor.workspaceId, chunk, tagIds);
    }
    for (const id of liveIds) {
      await recordHistory(trx, actor, deps.clock, id, [
        { action: 'updated', field: 'tags', oldValue: input.action === 'remove_tags' ? names : null, newValue: input.action === 'add_tags' ? names : null },
      ]);
    }
    return { affected: liveIds.length };
  });
  if (input.action === 'delete') await purchasesChanged(deps, actor.workspaceId, null);
  return result;
}
