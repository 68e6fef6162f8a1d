import type { NullableTimestamp, Timestamp } from './schema.ts';

/** A saved filter: re-evaluated (dynamic), or frozen membership (snapshot, in segment_members). */
export interface SegmentsTable {
  workspace_id: string;
  id: string;
  name: string;
  name_key: string;
  description: string | null;
  /** The filter in the filter language (docs/filters.md). */
  filter: string;
  kind: 'dynamic' | 'snapshot';
  frozen_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A snapshot's members; holdout 1: kept back from the campaign, to compare against. */
export interface SegmentMembersTable {
  workspace_id: string;
  segment_id: string;
  customer_id: string;
  holdout: number;
}

/** A segment's size and revenue (trailing 365 days, minor units) on a day, for "how it changed". */
export interface SegmentStatsTable {
  workspace_id: string;
  segment_id: string;
  day: string;
  customers: number;
  revenue_365: number;
  total_revenue_365: number;
}

export interface ReportSettingsTable {
  workspace_id: string;
  /** JSON of ReportSettings (contracts/reports.ts). */
  settings: string;
  updated_at: Timestamp;
}

export interface SegmentTables {
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  segment_stats: SegmentStatsTable;
  report_settings: ReportSettingsTable;
}
