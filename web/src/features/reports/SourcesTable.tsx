import type { SourcesReport } from '@contracts/acquisition-reports.ts';
import { ActionIcon, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import type { ReportPeriod } from '../../api/reportsApi.ts';
import { customersLikeTheseUrl, sourceRowFilters } from './customersLikeThese.ts';
import { SOURCE_COLUMNS, SourceRowCells } from './SourceRowCells.tsx';
import { buildSourceTree, parentKeys, visibleRows, type SourceNode } from './sourcesTree.ts';

// The name column stays in view while the figures scroll sideways.
const STICKY: CSSProperties = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1, minWidth: 130, maxWidth: 190 };

/** Channel → source → campaign, each collapsible, with the total for everyone acquired in the period beneath. */
export function SourcesTable({ report, period }: { report: SourcesReport; period: ReportPeriod }) {
  const t = useT();
  const tree = buildSourceTree(report.rows);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const parents = parentKeys(tree.nodes);
  const allCollapsed = parents.length > 0 && parents.every((key) => collapsed.has(key));
  const toggle = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <>
      {parents.length > 0 && (
        <Group justify="flex-end" mb="xs">
          <Button size="compact-sm" variant="subtle" onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(parents))}>
            {t(allCollapsed ? 'sourcesReport.expandAll' : 'sourcesReport.collapseAll')}
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing={6} horizontalSpacing={4} highlightOnHover aria-label={t('sourcesReport.tableTitle')} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={STICKY}>
                {t('sourcesReport.columns.name')}
              </Table.Th>
              {SOURCE_COLUMNS.map((column) => (
                <Table.Th key={column} scope="col" ta="right" fz={11} style={{ verticalAlign: 'bottom' }}>
                  {t(`sourcesReport.columns.${column}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visibleRows(tree.nodes, collapsed).map(({ node, depth, expanded }) => (
              <Table.Tr key={node.key} fw={node.row.level === 'channel' ? 600 : undefined} bg={node.row.level === 'channel' ? 'var(--mantine-color-gray-0)' : undefined}>
                <Table.Th scope="row" style={{ ...STICKY, background: node.row.level === 'channel' ? 'var(--mantine-color-gray-0)' : STICKY.background, fontWeight: 'inherit' }}>
                  <Group gap={4} wrap="nowrap" pl={depth * 20}>
                    {node.children.length > 0 ? (
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="gray"
                        aria-expanded={expanded}
                        aria-label={t(expanded ? 'sourcesReport.collapse' : 'sourcesReport.expand', { name: nameOf(node, t) })}
                        onClick={() => toggle(node.key)}
                      >
                        {expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                      </ActionIcon>
                    ) : (
                      <span style={{ width: 22, flex: 'none' }} />
                    )}
                    <RowName node={node} />
                  </Group>
                </Table.Th>
                <SourceRowCells row={node.row} currency={report.currency} customersTo={customersLikeTheseUrl(sourceRowFilters(node.row, period))} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          {tree.total && (
            <Table.Tfoot>
              <Table.Tr fw={700} style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}>
                <Table.Th scope="row" style={{ ...STICKY, fontWeight: 'inherit' }}>
                  <Text pl={26} inherit>
                    {t('sourcesReport.total')}
                  </Text>
                </Table.Th>
                <SourceRowCells row={tree.total} currency={report.currency} customersTo={customersLikeTheseUrl(sourceRowFilters(tree.total, period))} />
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function nameOf(node: SourceNode, t: (key: string) => string): string {
  const { row } = node;
  if (row.level === 'campaign') return row.campaign ?? '';
  if (row.level === 'channel') return row.channel ?? '';
  return row.sourceId === null ? t('sourcesReport.unknownSource') : (row.source ?? '');
}

function RowName({ node }: { node: SourceNode }) {
  const t = useT();
  const { row } = node;
  if (row.level === 'campaign' && row.campaignId) {
    return (
      <Anchor component={Link} to={`/campaigns/${encodeURIComponent(row.campaignId)}`} inherit>
        {row.campaign}
      </Anchor>
    );
  }
  if (row.level === 'source' && row.sourceId === null) {
    return (
      <Text fs="italic" c="dimmed" inherit>
        {t('sourcesReport.unknownSource')}
      </Text>
    );
  }
  return (
    <Text inherit>
      {nameOf(node, t)}
    </Text>
  );
}
