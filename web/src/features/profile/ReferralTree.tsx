import type { ReferralNode } from '@contracts/referrals.ts';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';

/** Whom they referred, and whom those referred, as an indented list: each person's revenue and whether they bought. */
export function ReferralTree({ nodes, currency, level = 1 }: { nodes: readonly ReferralNode[]; currency: string; level?: number }) {
  return (
    <ul
      style={{
        listStyle: 'none',
        margin: 0,
        padding: level === 1 ? 0 : '0 0 0 var(--mantine-spacing-md)',
        borderLeft: level === 1 ? undefined : '2px solid var(--mantine-color-violet-1)',
        marginLeft: level === 1 ? 0 : 6,
      }}
    >
      {nodes.map((node) => (
        <li key={node.id}>
          <ReferralRow node={node} currency={currency} />
          {node.referred.length > 0 && <ReferralTree nodes={node.referred} currency={currency} level={level + 1} />}
        </li>
      ))}
    </ul>
  );
}

function ReferralRow({ node, currency }: { node: ReferralNode; currency: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" py={4}>
      <Anchor component={Link} to={customerPath(node.id)} size="sm" fw={500} truncate>
        {node.name}
      </Anchor>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {format.money(node.revenueMinor, currency)}
        </Text>
        <Badge size="sm" variant="light" color={node.bought ? 'teal' : 'gray'}>
          {t(node.bought ? 'referrals.tree.bought' : 'referrals.tree.notBought')}
        </Badge>
      </Group>
    </Group>
  );
}
