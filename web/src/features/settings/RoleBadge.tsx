import type { RoleName } from '@contracts/common.ts';
import { Badge } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { ROLE_COLORS } from './roles.ts';

export function RoleBadge({ role }: { role: RoleName }) {
  const t = useT();
  return (
    <Badge variant="light" color={ROLE_COLORS[role]}>
      {t(`roles.${role}.name`)}
    </Badge>
  );
}
