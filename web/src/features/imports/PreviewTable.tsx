import type { Inspection } from '@contracts/imports.ts';
import { Badge, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import type { Mapping } from './mappingModel.ts';
import { RowCheck } from './RowCheck.tsx';
import { useSkippedReason } from './SkippedRows.tsx';

const SKIPPED = 'import.row_skipped';

interface PreviewTableProps {
  preview: Inspection['preview'];
  headers: readonly string[];
  mapping: Mapping;
}

/**
 * The first rows as Rapport will read them; rows it would reject are marked with their
 * reasons, and show their cells as written in the file. Rows left out on purpose (not
 * purchases, totals) are greyed, with why.
 */
export function PreviewTable({ preview, headers, mapping }: PreviewTableProps) {
  const t = useT();
  const format = useFormat();
  const leftOut = useSkippedReason();
  const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} fz="sm" aria-label={t('imports.preview.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('imports.preview.row')}</Table.Th>
            <Table.Th>{t('imports.preview.customer')}</Table.Th>
            <Table.Th>{t('imports.preview.order')}</Table.Th>
            <Table.Th>{t('imports.preview.date')}</Table.Th>
            <Table.Th style={numeric}>{t('imports.preview.amount')}</Table.Th>
            <Table.Th>{t('imports.preview.kind')}</Table.Th>
            <Table.Th>{t('imports.preview.check')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.map((row) => {
            const values = row.values;
            const skipped = row.problems.find((problem) => problem.code === SKIPPED);
            const raw = (...fields: (keyof Mapping)[]) => {
              for (const field of fields) {
                const header = mapping[field];
                const cell = header === undefined ? undefined : row.cells[headers.indexOf(header)]?.trim();
                if (cell) return cell;
              }
              return '';
            };
            return (
              <Table.Tr key={row.row} bg={row.ok ? undefined : skipped ? 'gray.0' : 'red.0'} c={row.ok ? undefined : 'dimmed'}>
                <Table.Td c="dimmed">{row.row}</Table.Td>
                <Table.Td>{values ? (values.customer ?? <Text span size="sm" c="dimmed">{t('imports.preview.unknownCustomer')}</Text>) : raw('customerExternalId', 'customerEmail', 'customerPhone')}</Table.Td>
                <Table.Td>{values ? values.orderId : raw('orderId')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{values ? format.date(values.occurredAt) : raw('date')}</Table.Td>
                <Table.Td style={numeric}>{values ? format.money(values.amountMinor, values.currency) : raw('amount', 'unitPrice')}</Table.Td>
                <Table.Td>
                  {values && (
                    <Badge variant="light" color={values.kind === 'refund' ? 'red' : 'teal'}>
                      {t(`purchases.kind.${values.kind}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {skipped ? (
                    <Text size="sm" c="dimmed">
                      {t('imports.preview.leftOut', { reason: leftOut(skipped.message.replace(/^Left out: /, '')) })}
                    </Text>
                  ) : (
                    <RowCheck row={row} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
