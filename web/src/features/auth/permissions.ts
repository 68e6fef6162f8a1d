import type { RoleName } from '@contracts/common.ts';

/**
 * What each role may do, mirrored from src/modules/auth/permissions.ts to decide what to
 * show. Only a hint for the UI: the server checks every request itself.
 */
const CAN = {
  writeCustomers: ['owner', 'admin', 'member'],
  // Tags are made on the fly while tagging customers, so whoever edits customers manages them.
  manageTags: ['owner', 'admin', 'member'],
  manageAttributes: ['owner', 'admin'],
  manageUsers: ['owner', 'admin'],
  manageWorkspace: ['owner', 'admin'],
  manageApiKeys: ['owner', 'admin'],
  manageAnalytics: ['owner', 'admin'],
} as const satisfies Record<string, readonly RoleName[]>;

export type Capability = keyof typeof CAN;

export function can(role: RoleName, capability: Capability): boolean {
  return (CAN[capability] as readonly RoleName[]).includes(role);
}
