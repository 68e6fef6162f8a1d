import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ImportJobView } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ImportCodes } from './ImportCodes.tsx';

type Counts = ImportJobView['counts'];
type CountKey = Exclude<keyof Counts, 'lastRow' | 'skippedRows' | 'undo' | 'codes'>;

const SHOWN: Record<ImportJobView['kind'], readonly CountKey[]> = {
  transactions: ['rows', 'skipped', 'transactionsCreated', 'transactionsUpdated', 'transactionsUnchanged', 'refundsCreated', 'linesAdded', 'customersCreated', 'unknownCustomer', 'rejected'],
  customers: ['rows', 'skipped', 'customersCreated', 'customersUpdated', 'customersUnchanged', 'rejected'],
};

/**
 * What an import did (or, for a dry run, would do), in numbers — purchases, or customers for a
 * customers file; the heading above says which. Rows left out on purpose are counted only when
 * there were some. What the codes on the purchases meant follows, when the file had codes.
 */
export function ImportCounts({ counts, kind }: { counts: Counts; kind: ImportJobView['kind'] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {SHOWN[kind].map((key) => {
          const value = counts[key];
          if (value === undefined) return null;
          const label = t(`imports.counts.${key}`);
          const bad = key === 'rejected' && counts.rejected > 0;
          return (
            <Paper key={key} withBorder radius="md" px="md" py="xs" role="group" aria-label={label} bg={bad ? 'red.0' : undefined} title={key === 'skipped' ? t('imports.counts.skippedHint') : undefined}>
              <Text size="xs" c="dimmed" fw={600}>
                {label}
              </Text>
              <Text size="xl" fw={650} c={bad ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.number(value)}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      {counts.codes && <ImportCodes codes={counts.codes} />}
    </Stack>
  );
}
