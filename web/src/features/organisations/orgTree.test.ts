import { describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../../../../src/contracts/customers.ts';
import { buildOrgTree, countDescendants, type OrgNode } from './orgTree.ts';

const org = (id: string, displayName: string, parentId?: string) =>
  ({ id, kind: 'organisation', displayName, organisation: parentId ? { id: parentId, kind: 'organisation', displayName: parentId } : null }) as CustomerSummary;
const shape = (nodes: OrgNode[]): unknown => nodes.map((node) => [node.organisation.displayName, shape(node.children)]);

describe('buildOrgTree', () => {
  it('puts subsidiaries under their group, sorted by name', () => {
    const tree = buildOrgTree([org('b', 'Ромашка Север', 'g'), org('g', 'Ромашка Групп'), org('a', 'Acme'), org('c', 'Ромашка Юг', 'g'), org('d', 'Депо', 'b')], 'ru');
    // Russian order puts Cyrillic names first.
    expect(shape(tree)).toEqual([
      ['Ромашка Групп', [['Ромашка Север', [['Депо', []]]], ['Ромашка Юг', []]]],
      ['Acme', []],
    ]);
    expect(countDescendants(tree[0]!)).toBe(3);
  });

  it('keeps organisations whose parent is not loaded, and breaks loops', () => {
    const tree = buildOrgTree([org('x', 'X', 'missing'), org('p', 'P', 'q'), org('q', 'Q', 'p')], 'en');
    expect(tree.map((node) => node.organisation.id).toSorted()).toEqual(['q', 'x']);
    expect(shape(tree)).toContainEqual(['Q', [['P', []]]]);
  });
});
