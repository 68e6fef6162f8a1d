import type { Transaction } from '@contracts/transactions.ts';
import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { LoadMoreButton, NextPageError } from '../../ui/NextPage.tsx';
import { ProfileSection } from '../profile/ProfileSection.tsx';
import { AddPurchaseModal } from './AddPurchaseModal.tsx';
import { PurchasesEmpty } from './PurchasesEmpty.tsx';
import { PurchasesTable } from './PurchasesTable.tsx';
import { PurchaseTotals } from './PurchaseTotals.tsx';
import { SpendChart } from './SpendChart.tsx';
import { currentMonth, monthSeries, totalsByCurrency } from './spendModel.ts';
import { useDeletePurchase, useMonthlySpend, usePurchasePages } from './usePurchases.ts';

const CHART_MONTHS = 36;

/** What this customer bought: spend by month, totals, and every sale and refund. */
export function PurchasesSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t, timeZone } = useI18n();
  const format = useFormat();
  const spend = useMonthlySpend(customerId);
  const pages = usePurchasePages(customerId);
  const remove = useDeletePurchase();
  const [adding, { open, close }] = useDisclosure(false);
  const [deleting, setDeleting] = useState<Transaction | null>(null);

  const transactions = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const totals = totalsByCurrency(spend.data ?? []);
  const chartCurrency = totals[0]?.currency;
  const series = chartCurrency ? monthSeries(spend.data ?? [], chartCurrency, CHART_MONTHS, currentMonth(timeZone)) : [];
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} variant="light">
      {t('purchases.add')}
    </Button>
  );

  return (
    <ProfileSection title={t('purchases.title')}>
      {pages.isPending && <TableSkeleton rows={3} />}
      {pages.isError && !pages.data && <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      {spend.isError && <ErrorAlert error={spend.error} onRetry={() => void spend.refetch()} />}
      {pages.isSuccess && transactions.length === 0 && <PurchasesEmpty canWrite={canWrite} addButton={addButton} />}
      {transactions.length > 0 && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <PurchaseTotals totals={totals} refunds={transactions.filter((item) => item.kind === 'refund').length} refundsComplete={!pages.hasNextPage} />
            {canWrite && addButton}
          </Group>
          {chartCurrency && series.length > 0 && <SpendChart series={series} currency={chartCurrency} />}
          {totals.length > 1 && (
            <Text size="xs" c="dimmed">
              {t('purchases.chart.otherCurrencies', { currency: chartCurrency ?? '' })}
            </Text>
          )}
          <Divider />
          <PurchasesTable transactions={transactions} onDelete={canWrite ? setDeleting : undefined} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('purchases.shown', { count: transactions.length })}
            </Text>
            <LoadMoreButton pages={pages} />
          </Group>
          <NextPageError pages={pages} />
        </Stack>
      )}
      <AddPurchaseModal customerId={customerId} opened={adding} onClose={close} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('purchases.deleteTitle')}
        confirmLabel={t('purchases.deleteConfirm')}
        danger
        loading={remove.isPending}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <Text size="sm">
          {deleting && t('purchases.deleteText', { amount: format.money(deleting.amountMinor, deleting.currency), date: format.dateTime(deleting.occurredAt) })}
        </Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </ProfileSection>
  );
}
