/** Cache keys, in one place so that writes invalidate exactly what they change. */
export const queryKeys = {
  setup: ['setup'] as const,
  session: ['session'] as const,
  workspace: ['workspace'] as const,
  users: ['users'] as const,
  apiKeys: ['api-keys'] as const,
  /** Everything about customers: lists, profiles, history, duplicates, search. */
  customers: ['customers'] as const,
  customerList: (query: unknown) => ['customers', 'list', query] as const,
  customerCount: (query: unknown) => ['customers', 'count', query] as const,
  customer: (customerId: string) => ['customers', 'one', customerId] as const,
  history: (customerId: string) => ['customers', 'one', customerId, 'history'] as const,
  activities: (customerId: string) => ['customers', 'one', customerId, 'activities'] as const,
  deletedCustomers: ['customers', 'deleted'] as const,
  duplicates: ['customers', 'duplicates'] as const,
  quickSearch: (q: string) => ['customers', 'search', q] as const,
  organisations: (q: string) => ['customers', 'organisations', q] as const,
  attributes: ['attributes'] as const,
  tags: ['tags'] as const,
  views: ['views'] as const,
};
