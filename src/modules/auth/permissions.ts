import type { RoleName } from '../../contracts/common.ts';

/**
 * What a route needs. 'public' routes need nothing; 'signed_in' needs any user; the rest
 * are permissions granted by role (see ROLE_PERMISSIONS).
 */
export type Permission =
  | 'signed_in'
  | 'customers.read'
  | 'customers.write'
  | 'users.manage'
  | 'workspace.manage'
  | 'api_keys.manage';
export type Access = 'public' | Permission;

const ROLE_PERMISSIONS: Record<RoleName, ReadonlySet<Permission>> = {
  owner: new Set(['signed_in', 'customers.read', 'customers.write', 'users.manage', 'workspace.manage', 'api_keys.manage']),
  admin: new Set(['signed_in', 'customers.read', 'customers.write', 'users.manage', 'workspace.manage', 'api_keys.manage']),
  member: new Set(['signed_in', 'customers.read', 'customers.write']),
  viewer: new Set(['signed_in', 'customers.read']),
};

export function roleAllows(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Who is making a request, once authenticated. Every use-case scopes by workspaceId. */
export interface Actor {
  workspaceId: string;
  userId: string;
  role: RoleName;
  via: 'session' | 'api_key';
  /** API keys may be read-only; sessions are always read_write. */
  scope: 'read' | 'read_write';
  sessionId?: string;
  csrfToken?: string;
}
