import type { SegmentTables } from './schema-segments.ts';
/** Instants are ISO-8601 strings in and out, on both dialects (see dialect.ts). */
export type Timestamp = string;
export type NullableTimestamp = string | null;

export type Role = 'owner' | 'admin' | 'member' | 'viewer';
export type ApiKeyScope = 'read' | 'read_write';
export type CustomerKind = 'person' | 'organisation';

export interface WorkspacesTable {
  id: string;
  name: string;
  base_currency: string;
  locale: string;
  time_zone: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  locale: string;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  created_by: string;
  name: string;
  /** First characters of the key, shown in lists so people can tell keys apart. */
  prefix: string;
  token_hash: string;
  scope: ApiKeyScope;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  /** `account:<email>` or `address:<ip>`. */
  key: string;
  window_start: Timestamp;
  failures: number;
}

export interface CustomersTable {
  workspace_id: string;
  id: string;
  kind: CustomerKind;
  display_name: string;
  sort_name: string;
  first_name: string | null;
  last_name: string | null;
  website: string | null;
  parent_id: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  birthday: string | null;
  preferred_language: string | null;
  /** 1 given, 0 refused, null not asked. */
  consent_given: number | null;
  consent_at: NullableTimestamp;
  consent_source: string | null;
  notes: string | null;
  customer_since: string | null;
  first_purchase_at: NullableTimestamp;
  last_purchase_at: NullableTimestamp;
  next_follow_up: string | null;
  search_text: string;
  completeness: number;
  version: number;
  merged_into_id: string | null;
  external_id: string | null;
  /** How they first found us (sources.id); null is unknown. */
  source_id: string | null;
  acquired_on: string | null;
  /** The campaign that brought them (campaigns.id), when known. */
  campaign_id: string | null;
  /** The customer or contact who referred them (customers.id). */
  referred_by_id: string | null;
  /** The code this customer shares to refer others; unique in the workspace. */
  referral_code: string | null;
  /** When a person marked them lost (distinct from the computed lapse state), with an exit reason (reasons.id). */
  lost_at: NullableTimestamp;
  lost_reason_id: string | null;
  lost_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface CustomerContactsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  kind: 'email' | 'phone';
  value: string;
  label: string | null;
  match_key: string;
  position: number;
}

export interface EmploymentsTable {
  workspace_id: string;
  id: string;
  person_id: string;
  organisation_id: string;
  title: string | null;
  created_at: Timestamp;
}

export interface AttributeDefinitionsTable {
  workspace_id: string;
  id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'money' | 'date' | 'boolean' | 'choice' | 'multichoice';
  applies_to: 'person' | 'organisation' | 'both';
  /** JSON array of { id, label }. */
  options: string;
  position: number;
  created_at: Timestamp;
}

export interface AttributeValuesTable {
  workspace_id: string;
  customer_id: string;
  attribute_id: string;
  value_text: string | null;
  value_number: number | null;
  value_date: string | null;
}

export interface SourcesTable {
  workspace_id: string;
  id: string;
  channel: string;
  channel_key: string;
  name: string;
  name_key: string;
  created_at: Timestamp;
}

/** A reason a customer chooses us, or left us: the workspace's taxonomy of each kind. */
export interface ReasonsTable {
  workspace_id: string;
  id: string;
  kind: 'choose' | 'exit';
  name: string;
  name_key: string;
  position: number;
  created_at: Timestamp;
}

/** A reason one customer gave, on a day, in their own words (plain text). */
export interface CustomerReasonsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  reason_id: string;
  kind: 'choose' | 'exit';
  noted_on: string;
  /** The user who recorded it; null from a survey or an import. */
  recorded_by: string | null;
  via: 'staff' | 'survey' | 'import';
  words: string | null;
  created_at: Timestamp;
}

export interface CampaignsTable {
  workspace_id: string;
  id: string;
  name: string;
  name_key: string;
  source_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  /** A saved list (saved_views.id) the campaign targets. */
  target_view_id: string | null;
  /** The segment the campaign targets (a snapshot for a response report), and days after its end that a purchase still counts as a response. */
  target_segment_id: string | null;
  response_days: number | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignCostsTable {
  workspace_id: string;
  id: string;
  campaign_id: string;
  spent_on: string;
  amount_minor: number;
  currency: string;
  description: string | null;
  created_at: Timestamp;
}

export interface CouponCodesTable {
  workspace_id: string;
  id: string;
  campaign_id: string;
  code: string;
  /** The code upper-cased and trimmed: codes match whatever the case. */
  code_key: string;
  /** Codes generated or imported together share a batch id. */
  batch_id: string | null;
  valid_from: string | null;
  valid_until: string | null;
  max_uses: number | null;
  created_at: Timestamp;
}

/** A purchase that carried a code; flag says why it did not count cleanly (used past its limit, outside its dates). */
export interface CouponRedemptionsTable {
  workspace_id: string;
  transaction_id: string;
  code_id: string;
  customer_id: string | null;
  redeemed_at: Timestamp;
  flag: 'over_limit' | 'expired' | 'not_yet_valid' | null;
}

export interface TagsTable {
  workspace_id: string;
  id: string;
  name: string;
  name_key: string;
  color: string;
  created_at: Timestamp;
}

export interface CustomerTagsTable {
  workspace_id: string;
  customer_id: string;
  tag_id: string;
}

export interface ActivitiesTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  kind: 'note' | 'call' | 'email' | 'meeting' | 'complaint' | 'other';
  occurred_at: Timestamp;
  author_id: string | null;
  body: string;
  /** A complaint's state: 'open' or 'resolved' (null for every other kind). */
  status?: 'open' | 'resolved' | null;
  resolution?: string | null;
  resolved_at?: NullableTimestamp;
  resolved_by?: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SavedViewsTable {
  workspace_id: string;
  id: string;
  owner_id: string;
  name: string;
  shared: number;
  /** JSON of ViewDefinition. */
  definition: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerHistoryTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  actor_id: string | null;
  at: Timestamp;
  action: 'created' | 'updated' | 'deleted' | 'restored' | 'merged' | 'merged_away';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

export interface TransactionsTable {
  workspace_id: string;
  id: string;
  customer_id: string | null;
  kind: 'sale' | 'refund';
  occurred_at: Timestamp;
  amount_minor: number;
  currency: string;
  cost_minor: number | null;
  channel: string | null;
  campaign: string | null;
  external_id: string | null;
  note: string | null;
  source: 'manual' | 'import' | 'api';
  import_id: string | null;
  content_hash: string | null;
  /** JSON of StoredLine[] (text on SQLite, jsonb on PostgreSQL), or null without line items. */
  lines: unknown;
  line_count: number;
  /** Shipping charged on the order and the payment processor's fee: kept apart from the amount (what the customer spent). */
  shipping_minor: number | null;
  fee_minor: number | null;
  /** The campaign the purchase belongs to, from its code or campaign name (campaigns.id). */
  campaign_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One line item, as stored in TransactionsTable.lines. */
export interface StoredLine {
  /** Identifies the line within its transaction (content and occurrence), for idempotent imports. */
  key: string;
  position: number;
  productCode: string | null;
  description: string | null;
  quantity: number | null;
  /** Exact decimal, may be finer than a minor unit. */
  unitPrice: string | null;
  amountMinor: number;
}

export interface ImportsTable {
  workspace_id: string;
  id: string;
  kind: 'customers' | 'transactions';
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  file_name: string;
  file_path: string | null;
  file_size: number;
  file_sha256: string | null;
  /** JSON of ImportSettings. */
  settings: unknown;
  rows_total: number | null;
  rows_done: number;
  /** JSON of ImportCounts. */
  counts: unknown;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
  undone_at: Timestamp | null;
}

/** What an import changed, for its undo: a row it created (before null) or changed (before: the row as it was). */
export interface ImportChangesTable {
  workspace_id: string;
  import_id: string;
  entity: 'transaction' | 'customer';
  entity_id: string;
  action: 'created' | 'updated';
  before: unknown;
}

export interface ImportRejectionsTable {
  workspace_id: string;
  import_id: string;
  row_number: number;
  /** JSON: the row's cells as read. */
  cells: unknown;
  /** JSON: [{ column, value, code, message }]. */
  problems: unknown;
}

export interface ImportMappingsTable {
  workspace_id: string;
  id: string;
  name: string;
  kind: 'customers' | 'transactions';
  headers_key: string;
  /** JSON of the column mapping. */
  mapping: unknown;
  created_at: Timestamp;
}

/** Customer-value metrics of one customer who has bought; money in the base currency's minor units. */
export interface CustomerMetricsTable {
  workspace_id: string;
  customer_id: string;
  computed_at: Timestamp;
  revenue_30: number;
  revenue_90: number;
  revenue_365: number;
  revenue_lifetime: number;
  revenue_prior_365: number;
  profit_30: number | null;
  profit_90: number | null;
  profit_365: number | null;
  profit_lifetime: number | null;
  average_order: number | null;
  tier_value: number | null;
  expected_spend: number | null;
  clv: number | null;
  clv_profit: number | null;
  purchases: number;
  average_gap_days: number | null;
  first_purchase_at: NullableTimestamp;
  last_purchase_at: NullableTimestamp;
  days_since_last: number | null;
  value_rank: number | null;
  value_percentile: number | null;
  tier: 'gold' | 'silver' | 'other' | null;
  previous_tier: 'gold' | 'silver' | 'other' | null;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
  p_alive: number | null;
  expected_30: number | null;
  expected_90: number | null;
  expected_365: number | null;
  margin: number | null;
  lapse_gap_days: number | null;
  lapse_state: 'active' | 'due' | 'at_risk' | 'lapsed' | null;
  lapse_gap_source: 'own' | 'workspace' | 'default' | null;
}

export interface AnalyticsStateTable {
  workspace_id: string;
  /** JSON of AnalyticsSettings, or null for the defaults. */
  settings: unknown;
  status: 'idle' | 'pending' | 'running' | 'failed';
  stale_since: NullableTimestamp;
  refit_requested: number;
  computed_at: NullableTimestamp;
  started_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
  progress: number | null;
  error: string | null;
  summary: unknown;
  model: unknown;
  fitted_at: NullableTimestamp;
  purchases_at_fit: number | null;
}

export type EmailSecurity = 'tls' | 'starttls' | 'none';
export type EmailPurpose = 'thank_you' | 'question' | 'exit_question' | 'winback' | 'custom';
export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced';

export interface EmailSettingsTable {
  workspace_id: string;
  host: string;
  port: number;
  security: EmailSecurity;
  username: string | null;
  /** AES-256-GCM with RAPPORT_SECRET_KEY (see modules/email/secret-box.ts); never the plain text. */
  password_sealed: string | null;
  from_address: string;
  from_name: string | null;
  rate_per_minute: number;
  updated_at: Timestamp;
}

export interface EmailTemplatesTable {
  workspace_id: string;
  purpose: EmailPurpose;
  locale: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
}

export interface EmailMessagesTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  to_address: string;
  locale: string;
  purpose: EmailPurpose;
  subject: string;
  body: string;
  kind: 'single' | 'bulk';
  /** 1 when it carries the unsubscribe link and header (every bulk message). */
  marketing: number;
  status: EmailStatus;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_at: NullableTimestamp;
  last_error: string | null;
  message_id: string | null;
  sent_at: NullableTimestamp;
  /** The 'email' activity on the customer's timeline. */
  activity_id: string | null;
  unsubscribe_token: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmailUnsubscribesTable {
  workspace_id: string;
  /** The address, trimmed and lower-cased. */
  address_key: string;
  customer_id: string | null;
  message_id: string | null;
  at: Timestamp;
}

export type ThankYouKind = 'note' | 'call' | 'email' | 'gift' | 'coupon' | 'discount' | 'gift_certificate' | 'tickets' | 'other';
export type ThankOccasion = 'purchase' | 'first_purchase' | 'referral' | 'anniversary' | 'gold' | 'review' | 'birthday' | 'other';
export type ThankRule = 'referral_bought' | 'first_purchase' | 'entered_gold' | 'big_purchase' | 'anniversary' | 'birthday';

/** One thank-you given to a customer: what, for what, when, what it cost (minor units) and who gave it. */
export interface ThankYousTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  kind: ThankYouKind;
  occasion: ThankOccasion;
  given_on: string;
  cost_minor: number | null;
  currency: string | null;
  note: string | null;
  recorded_by: string | null;
  email_message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ThankSettingsTable {
  workspace_id: string;
  /** JSON of ThankRulesSettings. */
  settings: string;
  updated_at: Timestamp;
}

/** A thank-you a rule says is owed: once per rule and occasion (occasion_key), until done or dismissed. */
export interface OwedThanksTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  rule: ThankRule;
  occasion_key: string;
  occurred_on: string;
  /** JSON with what earned it (the referral who bought, the purchase, the years…). */
  detail: string | null;
  status: 'owed' | 'done' | 'dismissed';
  dismiss_reason: string | null;
  thank_you_id: string | null;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  created_at: Timestamp;
}

/** A one-question survey sent to a customer; the link's token is kept only as its SHA-256. */
export interface SurveyInvitationsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  kind: 'choose' | 'exit';
  locale: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  email_message_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WinbackActionsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  action: 'call' | 'ask_why' | 'coupon';
  /** JSON: the activity, message or code the action made. */
  detail: string | null;
  taken_by: string | null;
  at: Timestamp;
}

export interface FollowUpsTable {
  workspace_id: string;
  id: string;
  customer_id: string;
  /** The day it is due, YYYY-MM-DD in the workspace's time zone. */
  due_on: string;
  kind: 'call' | 'email' | 'visit' | 'other';
  assignee_id: string | null;
  note: string | null;
  status: 'open' | 'done' | 'skipped';
  skip_reason: string | null;
  /** The rule that raised it (null: made by hand) and its occasion, unique per workspace. */
  rule: string | null;
  occasion_key: string | null;
  /** The occasion's day (YYYY-MM-DD) a rule raised it for; null when made by hand. */
  occasion_on?: string | null;
  /** The timeline item it follows up on. */
  activity_id: string | null;
  done_at: NullableTimestamp;
  done_by: string | null;
  /** The timeline note written when it was done. */
  done_activity_id: string | null;
  /** How many times it was snoozed. */
  snoozed: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FollowUpSettingsTable {
  workspace_id: string;
  /** JSON of FollowUpRules. */
  settings: string;
  updated_at: Timestamp;
}

/** A Today item without a state of its own, marked done (a drifting customer called, a birthday greeted). */
export interface QueueDoneTable {
  workspace_id: string;
  section: string;
  /** Names the occasion, so the item comes back when the occasion changes (e.g. a new last purchase). */
  item_key: string;
  customer_id: string;
  done_by: string | null;
  done_at: Timestamp;
}

export interface UserRemindersTable {
  workspace_id: string;
  user_id: string;
  digest_enabled: number;
  /** 0–23, in the user's time zone. */
  digest_hour: number;
  /** Null: the workspace's. */
  time_zone: string | null;
  /** SHA-256 of the calendar feed's secret; null: no feed. */
  calendar_token_hash: string | null;
  updated_at: Timestamp;
}

/** One per user and day: inserting it claims that day's digest. */
export interface DigestRunsTable {
  workspace_id: string;
  user_id: string;
  day: string;
  status: 'sending' | 'sent' | 'nothing' | 'failed';
  items: number;
  attempts: number;
  last_error: string | null;
  claimed_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface DB extends SegmentTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  employments: EmploymentsTable;
  attribute_definitions: AttributeDefinitionsTable;
  attribute_values: AttributeValuesTable;
  tags: TagsTable;
  sources: SourcesTable;
  reasons: ReasonsTable;
  customer_reasons: CustomerReasonsTable;
  campaigns: CampaignsTable;
  campaign_costs: CampaignCostsTable;
  coupon_codes: CouponCodesTable;
  coupon_redemptions: CouponRedemptionsTable;
  customer_tags: CustomerTagsTable;
  activities: ActivitiesTable;
  saved_views: SavedViewsTable;
  customer_history: CustomerHistoryTable;
  transactions: TransactionsTable;
  imports: ImportsTable;
  import_rejections: ImportRejectionsTable;
  import_mappings: ImportMappingsTable;
  import_changes: ImportChangesTable;
  customer_metrics: CustomerMetricsTable;
  analytics_state: AnalyticsStateTable;
  email_settings: EmailSettingsTable;
  email_templates: EmailTemplatesTable;
  email_messages: EmailMessagesTable;
  email_unsubscribes: EmailUnsubscribesTable;
  thank_yous: ThankYousTable;
  thank_settings: ThankSettingsTable;
  owed_thanks: OwedThanksTable;
  survey_invitations: SurveyInvitationsTable;
  winback_actions: WinbackActionsTable;
  follow_ups: FollowUpsTable;
  follow_up_settings: FollowUpSettingsTable;
  queue_done: QueueDoneTable;
  user_reminders: UserRemindersTable;
  digest_runs: DigestRunsTable;
}
