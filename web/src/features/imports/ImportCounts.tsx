import type { ImportJob } from '@contracts/imports.ts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

type CountKey = Exclude<keyof ImportJob['counts'], 'lastRow'>;

const SHOWN: Record<ImportJob['kind'], readonly CountKey[]> = {
  transactions: ['rows', 'transactionsCreated', 'transactionsUpdated', 'transactionsUnchanged', 'refundsCreated', 'linesAdded', 'customersCreated', 'unknownCustomer', 'rejected'],
  customers: ['rows', 'customersCreated', 'customersUpdated', 'customersUnchanged', 'rejected'],
};

/** What an import did (or, for a dry run, would do), in numbers — purchases, or customers for a customers file; the heading above says which. */
export function ImportCounts({ counts, kind }: { counts: ImportJob['counts']; kind: ImportJob['kind'] }) {
  const t = useT();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
      {SHOWN[kind].map((key) => {
        const label = t(`imports.counts.${key}`);
        const bad = key === 'rejected' && counts.rejected > 0;
        return (
          <Paper key={key} withBorder radius="md" px="md" py="xs" role="group" aria-label={label} bg={bad ? 'red.0' : undefined}>
            <Text size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text size="xl" fw={650} c={bad ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.number(counts[key])}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
