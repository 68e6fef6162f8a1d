import type { CustomerSummary } from '@contracts/customers.ts';

export interface OrgNode {
  organisation: CustomerSummary;
  children: OrgNode[];
}

/**
 * Organisations as a forest: each under its parent, groups at the top. An organisation whose
 * parent is not among `organisations` (not loaded yet) is shown at the top too, not lost.
 */
export function buildOrgTree(organisations: readonly CustomerSummary[], locale: string): OrgNode[] {
  const nodes = new Map(organisations.map((organisation) => [organisation.id, { organisation, children: [] as OrgNode[] }]));
  // Parents linked so far; a link that would close a loop (old data) is left out.
  const linked = new Map<OrgNode, OrgNode>();
  for (const node of nodes.values()) {
    const parentId = node.organisation.organisation?.id;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !isAncestor(node, parent, linked)) {
      parent.children.push(node);
      linked.set(node, parent);
    }
  }
  const roots = [...nodes.values()].filter((node) => !linked.has(node));
  const byName = (a: OrgNode, b: OrgNode) => a.organisation.displayName.localeCompare(b.organisation.displayName, locale);
  const sort = (list: OrgNode[]) => {
    list.sort(byName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Whether `node` is `candidate` or already above it, so that linking them would make a loop. */
function isAncestor(node: OrgNode, candidate: OrgNode, linked: ReadonlyMap<OrgNode, OrgNode>): boolean {
  for (let current: OrgNode | undefined = candidate; current; current = linked.get(current)) {
    if (current === node) return true;
  }
  return false;
}

export function countDescendants(node: OrgNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
}
