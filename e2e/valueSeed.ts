import { expect, type APIRequestContext } from '@playwright/test';

/** One seeded customer: a name and purchases as (days ago, amount in minor units). */
export interface SeedCustomer {
  firstName: string;
  lastName: string;
  purchases: readonly (readonly [daysAgo: number, amountMinor: number])[];
}

const DAY = 86_400_000;

/**
 * Twelve buyers with varied histories: a clear top spender (repeat purchases all year and one
 * the year before), regulars, one-off buyers recent and long ago. Amounts are minor units.
 */
export const VALUE_CUSTOMERS: readonly SeedCustomer[] = [
  { firstName: 'Aurora', lastName: 'Lindqvist', purchases: [[500, 30_000], [300, 40_000], [200, 40_000], [120, 40_000], [60, 40_000], [10, 40_000]] },
  { firstName: 'Bertil', lastName: 'Okafor', purchases: [[330, 25_000], [240, 25_000], [150, 25_000], [40, 25_000]] },
  { firstName: 'Céline', lastName: 'Marchetti', purchases: [[280, 18_000], [180, 20_000], [25, 22_000]] },
  { firstName: 'Dario', lastName: 'Fenwick', purchases: [[350, 30_000], [320, 28_000], [290, 26_000]] },
  { firstName: 'Esme', lastName: 'Quarrie', purchases: [[90, 12_000], [45, 9_000], [5, 11_000]] },
  { firstName: 'Faisal', lastName: 'Brandt', purchases: [[20, 15_000]] },
  { firstName: 'Greta', lastName: 'Holloway', purchases: [[200, 8_000], [100, 7_000]] },
  { firstName: 'Hamid', lastName: 'Sørensen', purchases: [[360, 6_000]] },
  { firstName: 'Ilse', lastName: 'Varga', purchases: [[60, 5_000], [30, 4_500], [3, 5_500]] },
  { firstName: 'Jonas', lastName: 'Pereira', purchases: [[340, 20_000], [335, 3_000]] },
  { firstName: 'Katya', lastName: 'Nwosu', purchases: [[8, 2_500]] },
  { firstName: 'Linus', lastName: 'Achterberg', purchases: [[250, 9_000], [130, 9_500], [70, 8_500], [15, 9_000]] },
];

export const nameOf = (customer: SeedCustomer) => `${customer.firstName} ${customer.lastName}`;
export const lifetimeMinor = (customer: SeedCustomer) => customer.purchases.reduce((sum, [, amount]) => sum + amount, 0);

/** The API as the signed-in page: its session cookie, and the CSRF token every write needs. */
export async function sessionApi(request: APIRequestContext) {
  const session = await request.get('/api/v1/auth/session');
  expect(session.ok()).toBe(true);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const send = async (method: 'POST' | 'PUT', path: string, data: unknown) => {
    const response = await request.fetch(`/api/v1${path}`, { method, data, headers });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await request.get(`/api/v1${path}`);
    expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
    return response.json() as Promise<T>;
  };
  return { get, post: (path: string, data: unknown) => send('POST', path, data), put: (path: string, data: unknown) => send('PUT', path, data) };
}

/** Creates the customers and their purchases; returns their ids by name. */
export async function seedValueCustomers(api: Awaited<ReturnType<typeof sessionApi>>, now = Date.now()): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let order = 0;
  for (const customer of VALUE_CUSTOMERS) {
    const created = await api.post('/customers', { kind: 'person', firstName: customer.firstName, lastName: customer.lastName });
    const id = String(created.id);
    ids.set(nameOf(customer), id);
    for (const [daysAgo, amountMinor] of customer.purchases) {
      order += 1;
      await api.post(`/customers/${id}/transactions`, { occurredAt: new Date(now - daysAgo * DAY).toISOString(), amountMinor, externalId: `V-${order}` });
    }
  }
  return ids;
}

/** Asks for a computation and waits until it has finished with nothing left stale. */
export async function recomputeAndWait(api: Awaited<ReturnType<typeof sessionApi>>): Promise<void> {
  await api.post('/analytics/recompute', { refit: true });
  await expect
    .poll(async () => {
      const status = await api.get<{ state: string; staleSince: string | null; computedAt: string | null }>('/analytics/status');
      expect(status.state).not.toBe('failed');
      return status.state === 'idle' && status.computedAt !== null && status.staleSince === null;
    }, { timeout: 60_000, intervals: [250, 500, 1000] })
    .toBe(true);
}
