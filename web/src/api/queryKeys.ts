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
  /** Under the customer, so any change to customers reloads them too. */
  acquisition: (customerId: string) => ['customers', 'one', customerId, 'acquisition'] as const,
  referrals: (customerId: string) => ['customers', 'one', customerId, 'referrals'] as const,
  deletedCustomers: ['customers', 'deleted'] as const,
  duplicates: ['customers', 'duplicates'] as const,
  quickSearch: (q: string) => ['customers', 'search', q] as const,
  organisations: (q: string) => ['customers', 'organisations', q] as const,
  attributes: ['attributes'] as const,
  tags: ['tags'] as const,
  views: ['views'] as const,
  /** Acquisition sources (channel → source) with their customer counts. */
  sources: ['sources'] as const,
  /** Campaigns: the list, each one, its redemptions. */
  campaigns: ['campaigns'] as const,
  campaign: (campaignId: string) => ['campaigns', 'one', campaignId] as const,
  campaignRedemptions: (campaignId: string) => ['campaigns', 'one', campaignId, 'redemptions'] as const,
  /** The acquisition reports, by period. */
  reports: ['reports'] as const,
  sourcesReport: (period: unknown) => ['reports', 'sources', period] as const,
  reasons: ['reasons'] as const,
  reasonsReport: (kind: 'choose' | 'exit', period: unknown) => ['reports', 'reasons', kind, period] as const,
  referralsReport: (period: unknown) => ['reports', 'referrals', period] as const,
  /** Email: the SMTP settings and the templates. */
  emailSettings: ['email', 'settings'] as const,
  emailTemplates: ['email', 'templates'] as const,
};
