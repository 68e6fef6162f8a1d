import type { SourceReportRow } from '@contracts/acquisition-reports.ts';

export interface SourceNode {
  key: string;
  row: SourceReportRow;
  children: SourceNode[];
}

export interface SourceTree {
  total: SourceReportRow | null;
  /** Channels (holding their sources, which hold their campaigns), then the unknown source. */
  nodes: SourceNode[];
}

export interface VisibleRow {
  node: SourceNode;
  depth: number;
  expanded: boolean;
}

export function nodeKey(row: SourceReportRow): string {
  if (row.level === 'campaign') return `campaign:${row.campaignId ?? row.campaign ?? ''}`;
  if (row.level === 'source') return `source:${row.sourceId ?? 'unknown'}`;
  return `${row.level}:${row.channel ?? ''}`;
}

/**
 * The server's rows (total, then each channel followed by its sources, each followed by its
 * campaigns; the unknown source last) as a tree. The server has added them up already.
 */
export function buildSourceTree(rows: readonly SourceReportRow[]): SourceTree {
  let total: SourceReportRow | null = null;
  const nodes: SourceNode[] = [];
  let channel: SourceNode | null = null;
  let source: SourceNode | null = null;
  for (const row of rows) {
    const node: SourceNode = { key: nodeKey(row), row, children: [] };
    if (row.level === 'total') total = row;
    else if (row.level === 'channel') {
      channel = node;
      source = null;
      nodes.push(node);
    } else if (row.level === 'source') {
      source = node;
      if (row.channel !== null && channel?.row.channel === row.channel) channel.children.push(node);
      else {
        channel = null;
        nodes.push(node);
      }
    } else if (source) source.children.push(node);
    else nodes.push(node);
  }
  return { total, nodes };
}

/** The rows to show: every node whose parents are all expanded, with its depth. */
export function visibleRows(nodes: readonly SourceNode[], collapsed: ReadonlySet<string>, depth = 0): VisibleRow[] {
  return nodes.flatMap((node) => {
    const expanded = !collapsed.has(node.key);
    return [{ node, depth, expanded }, ...(expanded ? visibleRows(node.children, collapsed, depth + 1) : [])];
  });
}

/** The keys of every node that has children: collapsing them all leaves the channels alone. */
export function parentKeys(nodes: readonly SourceNode[]): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? [node.key, ...parentKeys(node.children)] : []));
}

/** Whether the report knows anything about sources: a customer with a source, or a campaign. */
export function hasKnownSources(rows: readonly SourceReportRow[]): boolean {
  return rows.some((row) => row.level === 'channel' || row.level === 'campaign' || (row.level === 'total' && row.cost > 0));
}
