import type { CustomerRef } from '@contracts/customers.ts';
import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { KindIcon } from './KindIcon.tsx';

export function customerPath(customerId: string): string {
  return `/customers/${encodeURIComponent(customerId)}`;
}

/** A customer's name that opens their profile. */
export function CustomerLink({ customer, withIcon = false }: { customer: CustomerRef; withIcon?: boolean }) {
  const link = (
    <Anchor component={Link} to={customerPath(customer.id)} size="sm" fw={500}>
      {customer.displayName}
    </Anchor>
  );
  if (!withIcon) return link;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <KindIcon kind={customer.kind} size={16} />
      {link}
    </Group>
  );
}
