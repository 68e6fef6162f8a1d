import { ActionIcon, Badge, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerLink } from '../customers/CustomerLink.tsx';
import { countDescendants, type OrgNode } from './orgTree.ts';

/** Nested lists of organisations; each group folds and unfolds its subsidiaries. */
export function OrgTreeList({ nodes, depth = 0 }: { nodes: readonly OrgNode[]; depth?: number }) {
  return (
    <ul className="rapport-org-tree" style={{ paddingLeft: depth === 0 ? 0 : 28 }}>
      {nodes.map((node) => (
        <OrgTreeItem key={node.organisation.id} node={node} depth={depth} />
      ))}
    </ul>
  );
}

function OrgTreeItem({ node, depth }: { node: OrgNode; depth: number }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const { organisation } = node;
  const below = countDescendants(node);
  // A top-level row whose parent was not loaded (or not matched by the search) still says where it belongs.
  const parentNote = depth === 0 && organisation.organisation ? t('organisations.partOf', { name: organisation.organisation.displayName }) : null;

  return (
    <li>
      <Group gap={6} wrap="nowrap" py={6} className="rapport-org-row">
        {node.children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-expanded={open}
            aria-label={t(open ? 'organisations.collapse' : 'organisations.expand', { name: organisation.displayName })}
            onClick={() => setOpen(!open)}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        ) : (
          <span style={{ width: 22, flexShrink: 0 }} />
        )}
        <CustomerLink customer={organisation} withIcon />
        {below > 0 && (
          <Badge size="sm" variant="light" color="gray" tt="none">
            {t('organisations.subsidiaryCount', { count: below })}
          </Badge>
        )}
        {parentNote && (
          <Text size="xs" c="dimmed" truncate="end">
            {parentNote}
          </Text>
        )}
        {organisation.city && (
          <Text size="xs" c="dimmed" truncate="end">
            · {organisation.city}
          </Text>
        )}
      </Group>
      {open && node.children.length > 0 && <OrgTreeList nodes={node.children} depth={depth + 1} />}
    </li>
  );
}
