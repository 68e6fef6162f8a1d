import type { Segment } from '@contracts/segments.ts';
import { ActionIcon, Anchor, Badge, Button, Card, Code, EmptyState, Group, Menu, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChartPie, IconDots, IconFileSpreadsheet, IconFileTypeCsv, IconList, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { SegmentFormModal } from './SegmentFormModal.tsx';
import { segmentExportUrl, segmentListPath, sharePoints } from './segmentLinks.ts';
import { useDeleteSegment, useSegments } from './useSegments.ts';

/** A difference with its sign: +3, −2 (a real minus), 0. */
const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^[-−]/, '')}` : text);

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** Saved segments: their filters, size, revenue and how they changed; open one as a list, export it, change it. */
export function SegmentsPage() {
  const t = useT();
  const { user } = useSession();
  const canWrite = can(user.role, 'writeCustomers');
  const segments = useSegments();
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const remove = useDeleteSegment();
  const newButton = canWrite && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('segments.new')}
    </Button>
  );
  const items = segments.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('segments.title')} description={t('segments.description')} actions={newButton} />
      <Card withBorder radius="lg" p={items.length > 0 ? 0 : 'xl'}>
        {segments.isPending && <TableSkeleton />}
        {segments.isError && <ErrorAlert error={segments.error} onRetry={() => void segments.refetch()} />}
        {segments.isSuccess && items.length === 0 && (
          <EmptyState icon={<IconChartPie size={28} stroke={1.6} aria-hidden />} variant="light" title={t('segments.emptyTitle')} description={t('segments.emptyText')}>
            <EmptyState.Actions>
              <Button component={Link} to="/customers" variant="light">
                {t('segments.next')}
              </Button>
              {newButton}
            </EmptyState.Actions>
          </EmptyState>
        )}
        {items.length > 0 && segments.data && (
          <SegmentsTable segments={items} currency={segments.data.currency} canWrite={canWrite} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Card>
      <SegmentFormModal opened={editing !== null} onClose={() => setEditing(null)} segment={editing === 'new' ? null : editing} linkToSegments={false} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('segments.delete.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('segments.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <Text size="sm">{t('segments.delete.text')}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </>
  );
}

/** A number with the sentence that says what it is. */
function Explained({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Tooltip label={label} multiline w={300} withArrow openDelay={200}>
      <Text span size="sm" style={{ cursor: 'help', borderBottom: '1px dotted var(--mantine-color-gray-5)' }}>
        {children}
      </Text>
    </Tooltip>
  );
}

interface SegmentsTableProps {
  segments: readonly Segment[];
  currency: string;
  canWrite: boolean;
  onEdit: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
}

function SegmentsTable({ segments, currency, canWrite, onEdit, onDelete }: SegmentsTableProps) {
  const t = useT();
  const format = useFormat();
  const help = {
    customers: t('segments.help.customers'),
    revenue: t('segments.help.revenue', { currency }),
    share: t('segments.help.share'),
  };
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('segments.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('segments.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('segments.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('segments.columns.filter')}</Table.Th>
            <Table.Th scope="col" ta="right">
              <Explained label={help.customers}>{t('segments.columns.customers')}</Explained>
            </Table.Th>
            <Table.Th scope="col" ta="right">
              <Explained label={help.revenue}>{t('segments.columns.revenue')}</Explained>
            </Table.Th>
            <Table.Th scope="col" ta="right">
              <Explained label={help.share}>{t('segments.columns.share')}</Explained>
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('segments.columns.change')}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('segments.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((segment) => {
            const change = segment.change;
            const points = change ? sharePoints(change.revenueShare) : 0;
            return (
              <Table.Tr key={segment.id}>
                <Table.Th scope="row" fw={500} miw={160} maw={240}>
                  <Anchor component={Link} to={segmentListPath(segment.name)} size="sm" fw={600} c="inherit">
                    {segment.name}
                  </Anchor>
                  {segment.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {segment.description}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Badge variant="light" color={segment.kind === 'dynamic' ? 'indigo' : 'grape'}>
                      {t(`segments.kind.${segment.kind}`)}
                    </Badge>
                    {segment.kind === 'snapshot' && segment.frozenAt && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('segments.frozen', { date: format.date(segment.frozenAt) })}
                      </Text>
                    )}
                    {segment.kind === 'snapshot' && segment.holdout > 0 && (
                      <Explained label={t('segments.help.holdout')}>
                        <Text span size="xs" c="dimmed">
                          {t('segments.holdout', { count: segment.holdout })}
                        </Text>
                      </Explained>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td maw={220}>
                  <Tooltip label={segment.filter} multiline maw={420} withArrow openDelay={200} styles={{ tooltip: { fontFamily: 'var(--mantine-font-family-monospace)' } }}>
                    <Code style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 220 }}>{segment.filter}</Code>
                  </Tooltip>
                </Table.Td>
                <Table.Td {...NUMBER}>
                  <Explained label={help.customers}>{format.number(segment.customers)}</Explained>
                </Table.Td>
                <Table.Td {...NUMBER}>
                  <Explained label={help.revenue}>{format.money(segment.revenue365, currency)}</Explained>
                </Table.Td>
                <Table.Td {...NUMBER}>
                  <Explained label={help.share}>{format.percent(segment.revenueShare, 1)}</Explained>
                </Table.Td>
                <Table.Td {...NUMBER}>
                  {change ? (
                    <Tooltip label={t('segments.help.change', { date: format.day(change.since) })} multiline w={300} withArrow openDelay={200}>
                      <Stack gap={0} align="flex-end" style={{ cursor: 'help' }}>
                        <Text size="sm" c={change.customers > 0 ? 'teal.8' : change.customers < 0 ? 'red.8' : 'dimmed'}>
                          {t('segments.changeCustomers', { count: Math.abs(change.customers), signed: signed(change.customers, format.number(change.customers)) })}
                        </Text>
                        <Text size="xs" c={points > 0 ? 'teal.8' : points < 0 ? 'red.8' : 'dimmed'}>
                          {t('segments.changeShare', { points: signed(points, format.number(points)) })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('segments.since', { date: format.day(change.since) })}
                        </Text>
                      </Stack>
                    </Tooltip>
                  ) : (
                    <Tooltip label={t('segments.help.noChange')} multiline w={260} withArrow>
                      <Text size="sm" c="dimmed" style={{ cursor: 'help' }}>
                        —
                      </Text>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t('segments.open')} withArrow>
                      <ActionIcon component={Link} to={segmentListPath(segment.name)} variant="light" size="lg" aria-label={`${t('segments.open')}: ${segment.name}`}>
                        <IconList size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Menu position="bottom-end" shadow="md" width={220}>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('segments.more', { name: segment.name })}>
                          <IconDots size={16} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item component={Link} to={segmentListPath(segment.name)} leftSection={<IconList size={16} aria-hidden />}>
                          {t('segments.open')}
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Label>{t('segments.exportLabel')}</Menu.Label>
                        <Menu.Item component="a" href={segmentExportUrl(segment.name, 'csv')} download leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
                          {t('export.csv')}
                        </Menu.Item>
                        <Menu.Item component="a" href={segmentExportUrl(segment.name, 'xlsx')} download leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
                          {t('export.xlsx')}
                        </Menu.Item>
                        {canWrite && (
                          <>
                            <Menu.Divider />
                            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(segment)}>
                              {t('common.edit')}
                            </Menu.Item>
                            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(segment)}>
                              {t('segments.delete.action')}
                            </Menu.Item>
                          </>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
