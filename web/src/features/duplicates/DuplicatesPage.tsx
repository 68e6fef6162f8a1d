import type { CustomerSummary } from '@contracts/customers.ts';
import { Button, Card, EmptyState, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCopyCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { MergeDialog } from '../merge/MergeDialog.tsx';
import { DuplicatePairCard } from './DuplicatePairCard.tsx';
import { pairKey, readDismissed, useDuplicates, writeDismissed } from './useDuplicates.ts';

/** Likely duplicates (same email, same phone, same name in an organisation), each one click from a merge. */
export function DuplicatesPage() {
  const t = useT();
  const { user } = useSession();
  const duplicates = useDuplicates();
  const [dismissed, setDismissed] = useState(readDismissed);
  const [merging, setMerging] = useState<{ a: CustomerSummary; b: CustomerSummary } | null>(null);
  const pairs = (duplicates.data ?? []).filter((pair) => !dismissed.has(pairKey(pair.a.id, pair.b.id)));
  const dismiss = (a: string, b: string) => {
    const next = new Set(dismissed).add(pairKey(a, b));
    setDismissed(next);
    writeDismissed(next);
  };

  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        description={t('duplicates.description')}
        actions={
          <Button component={Link} to="/customers" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            {t('profile.back')}
          </Button>
        }
      />
      {duplicates.isPending && <TableSkeleton rows={3} />}
      {duplicates.isError && <ErrorAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />}
      {duplicates.isSuccess && pairs.length === 0 && (
        <Card withBorder radius="lg" p="xl">
          <EmptyState
            icon={<IconCopyCheck size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('duplicates.empty.title')}</Text>}
            description={t('duplicates.empty.text')}
          >
            <EmptyState.Actions>
              <Button component={Link} to="/customers" variant="light">
                {t('profile.back')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      )}
      {pairs.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duplicates.title')}>
          {pairs.map((pair) => (
            <DuplicatePairCard
              key={pairKey(pair.a.id, pair.b.id)}
              a={pair.a}
              b={pair.b}
              reasons={pair.reasons}
              canWrite={can(user.role, 'writeCustomers')}
              onMerge={() => setMerging(pair)}
              onDismiss={() => dismiss(pair.a.id, pair.b.id)}
            />
          ))}
        </Stack>
      )}
      {merging && <MergeDialog opened onClose={() => setMerging(null)} customer={merging.a} otherId={merging.b.id} onMerged={() => setMerging(null)} />}
    </>
  );
}
