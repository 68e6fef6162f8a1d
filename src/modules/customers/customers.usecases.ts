import type { Kysely } from 'kysely';
import type { CreateCustomer, Customer, CustomerPage } from '../../contracts/customers.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { CustomersTable, DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCustomersRepository, type CustomerCursor } from './customers.repository.ts';

export interface CustomerDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function listCustomers(
  deps: CustomerDeps,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<CustomerPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await createCustomersRepository(deps.db).listCustomers(actor.workspaceId, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCustomer),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.display_name, id: last.id }) : null,
  };
}

export async function getCustomer(deps: CustomerDeps, actor: Actor, customerId: string): Promise<Customer> {
  const row = await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId);
  if (!row) throw notFound('customer');
  return toCustomer(row);
}

export async function createCustomer(deps: CustomerDeps, actor: Actor, input: CreateCustomer): Promise<Customer> {
  const now = toDbTime(deps.clock.now());
  const row: CustomersTable = {
    workspace_id: actor.workspaceId,
    id: newId(),
    kind: input.kind,
    display_name: input.displayName,
    version: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await createCustomersRepository(deps.db).insertCustomer(row);
  return toCustomer(row);
}

function toCustomer(row: CustomersTable): Customer {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function encodeCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): CustomerCursor {
  try {
    const [name, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through to the error below
  }
  throw badRequest('pagination.bad_cursor', 'The cursor is not one this API returned');
}
