import type { Generated } from 'kysely';

/** Instants are ISO-8601 strings in and out, on both dialects (see dialect.ts). */
type Timestamp = string;
type NullableTimestamp = string | null;

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
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface DB {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  customers: CustomersTable;
}

export type { Generated };
