import type { CustomerKind } from '@contracts/customers.ts';
import { IconBuildingSkyscraper, IconUser } from '@tabler/icons-react';

/** The small person / building icon in front of a customer's name. */
export function KindIcon({ kind, size = 18 }: { kind: CustomerKind; size?: number }) {
  const Icon = kind === 'organisation' ? IconBuildingSkyscraper : IconUser;
  return <Icon size={size} stroke={1.6} aria-hidden color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />;
}
