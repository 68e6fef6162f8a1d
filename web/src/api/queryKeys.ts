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
  /** Thank-yous: the owed list (by status, optionally one customer's), the rules; a customer's log is under the customer. */
  thanks: ['thanks'] as const,
  thanksOwed: (query: unknown) => ['thanks', 'owed', query] as const,
  thanksRules: ['thanks', 'rules'] as const,
  thankYous: (customerId: string) => ['customers', 'one', customerId, 'thank-yous'] as const,
  thanksReport: (period: unknown) => ['reports', 'thank-yous', period] as const,
  /** Outside "thanks", so that sending (which reloads thanks) does not render the preview again. */
  thanksEmailPreview: (customerId: string, occasion: string) => ['thanks-email-preview', customerId, occasion] as const,
  /** Email: the SMTP settings and the templates. */
  emailSettings: ['email', 'settings'] as const,
  emailTemplates: ['email', 'templates'] as const,
  /** The outbox, by filter; under email so sending anything reloads it. */
  outbox: (query: unknown) => ['email', 'outbox', query] as const,
  /** The win-back queue, by filter; under customers so any change to customers reloads it. */
  winback: (filter: unknown) => ['customers', 'winback', filter] as const,
  /** Today's queue (H2/H4), by query; follow-up writes invalidate all of it. */
  today: ['today'] as const,
  todayQueue: (query: unknown) => ['today', query] as const,
  /** Follow-ups: a customer's are under the customer; the workspace lists and the rules under follow-ups. */
  followUps: ['follow-ups'] as const,
  followUpList: (query: unknown) => ['follow-ups', 'list', query] as const,
  followUpRules: ['follow-ups', 'rules'] as const,
  customerFollowUps: (customerId: string) => ['customers', 'one', customerId, 'follow-ups'] as const,
  /** Saved segments (their sizes change with customers: under customers, so any change reloads them). */
  segments: ['customers', 'segments'] as const,
  segmentList: (lang: string) => ['customers', 'segments', lang] as const,
  /** A filter's check (count of matches), by text; under customers for the same reason. */
  filterCheck: (filter: string, lang: string) => ['customers', 'filter-check', filter, lang] as const,
  filterFields: ['filter-fields'] as const,
  /** The signed-in user's reminder settings (digest, calendar feed). */
  reminders: ['me', 'reminders'] as const,
};
