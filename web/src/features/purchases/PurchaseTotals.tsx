import { Group, Paper, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import type { CurrencyTotal } from './spendModel.ts';

interface PurchaseTotalsProps {
  totals: readonly CurrencyTotal[];
  /** Refunds among the purchases loaded; `refundsComplete` says whether that is all of them. */
  refunds: number;
  refundsComplete: boolean;
}

/** Lifetime net spend (per currency), how many purchases, how many refunds. */
export function PurchaseTotals({ totals, refunds, refundsComplete }: PurchaseTotalsProps) {
  const t = useT();
  const format = useFormat();
  const purchases = totals.reduce((sum, total) => sum + total.purchases, 0);
  return (
    <Group gap="sm" align="stretch" role="group" aria-label={t('purchases.totals.title')}>
      <Stat label={t('purchases.totals.net')} value={totals.map((total) => format.money(total.amountMinor, total.currency)).join(' · ')} />
      <Stat label={t('purchases.totals.purchases')} value={format.number(purchases)} />
      <Stat label={t('purchases.totals.refunds')} value={refundsComplete ? format.number(refunds) : t('purchases.totals.atLeast', { count: refunds })} />
    </Group>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" px="md" py="xs" miw={140}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}
