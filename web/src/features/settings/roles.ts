import { ROLES, type RoleName } from '@contracts/common.ts';
import type { MantineColor } from '@mantine/core';

export const ROLE_COLORS: Record<RoleName, MantineColor> = {
  owner: 'violet',
  admin: 'indigo',
  member: 'teal',
  viewer: 'gray',
};

/** Roles the actor may hand out: only an owner may make someone an owner. */
export function grantableRoles(actorRole: RoleName): RoleName[] {
  return ROLES.filter((role) => role !== 'owner' || actorRole === 'owner');
}
