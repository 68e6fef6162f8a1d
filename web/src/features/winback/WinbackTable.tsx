import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WinbackEntry } from '../../api/winbackApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { LapseBadge, TierBadge } from '../value/ValueBadges.tsx';
import { WinbackRowActions, type WinbackOutcome } from './WinbackRowActions.tsx';
import { rhythmText } from './winbackText.ts';

interface WinbackTableProps {
  items: readonly WinbackEntry[];
  currency: string;
  /** Readers see the queue without the actions. */
  canWrite: boolean;
  onOutcome: (outcome: WinbackOutcome) => void;
}

/** The queue, most value at stake first (the server's order). */
export function WinbackTable({ items, currency, canWrite, onOutcome }: WinbackTableProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="xs" highlightOnHover aria-label={t('winback.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('winback.columns.customer')}</Table.Th>
            <Table.Th>{t('winback.columns.status')}</Table.Th>
            <Table.Th>{t('winback.columns.lastPurchase')}</Table.Th>
            <Table.Th ta="end" w={80}>{t('winback.columns.pAlive')}</Table.Th>
            <Table.Th ta="end">{t('winback.columns.valueAtStake')}</Table.Th>
            <Table.Th>{t('winback.columns.lastAction')}</Table.Th>
            {canWrite && <Table.Th ta="end">{t('winback.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.customerId}>
              <Table.Td miw={150} maw={200}>
                <Anchor component={Link} to={customerPath(entry.customerId)} size="sm" fw={500}>
                  {entry.name}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {entry.email ?? entry.phone ?? t('winback.noContact')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <TierBadge tier={entry.tier} />
                  <LapseBadge state={entry.lapseState} />
                </Stack>
              </Table.Td>
              <Table.Td>
                {entry.lastPurchaseAt ? (
                  <>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {format.date(entry.lastPurchaseAt)}
                    </Text>
                    {entry.daysSinceLast !== null && (
                      <Text size="xs" fw={500}>
                        {t('winback.daysAgo', { count: entry.daysSinceLast })}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('winback.usually', { rhythm: rhythmText(t, entry) })}
                </Text>
              </Table.Td>
              <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {entry.pAlive === null ? '—' : format.percent(entry.pAlive)}
              </Table.Td>
              <Table.Td ta="end" maw={130}>
                <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {format.money(entry.valueAtStakeMinor, currency)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`winback.basis.${entry.valueBasis}`)}
                </Text>
              </Table.Td>
              <Table.Td maw={140}>
                {entry.lastAction ? (
                  <>
                    <Text size="sm">{t(`winback.lastAction.${entry.lastAction.action}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {format.date(entry.lastAction.at)}
                      {entry.lastAction.by && ` · ${entry.lastAction.by}`}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('winback.lastAction.none')}
                  </Text>
                )}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <WinbackRowActions entry={entry} onOutcome={onOutcome} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
