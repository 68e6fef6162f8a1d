import type { CustomerListQuery } from '../../api/customersApi.ts';

/** The address of the customer list as a file: the same search, filters and sort, every row (no page size, no cursor). */
export function exportUrl(query: CustomerListQuery, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'limit' && key !== 'cursor') params.set(key, String(value));
  return `/api/v1/customers/export?${params}`;
}
