import type { ThanksReport } from '@contracts/thanks.ts';
import { Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { monthHeading } from '../reasons/monthHeading.ts';

const numeric = { ta: 'right', style: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } } as const;

/** A row per month, a column per kind given in the period: how many, and under it what they cost; the totals last. */
export function ThanksByMonthTable({ report }: { report: ThanksReport }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const kinds = report.kinds.map((k) => k.kind);
  const cell = (count: number, costMinor: number) => (
    <>
      <Text size="sm" span display="block">{format.number(count)}</Text>
      <Text size="xs" c="dimmed" span display="block">{format.money(costMinor, report.currency)}</Text>
    </>
  );
  const total = report.kinds.reduce((sum, k) => ({ count: sum.count + k.count, costMinor: sum.costMinor + k.costMinor }), { count: 0, costMinor: 0 });
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('thanks.report.month')}</Table.Th>
            {kinds.map((kind) => <Table.Th key={kind} ta="right">{t(`thanks.kinds.${kind}`)}</Table.Th>)}
            <Table.Th ta="right">{t('thanks.report.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.months.map((month) => (
            <Table.Tr key={month.month}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthHeading(month.month, locale)}</Table.Td>
              {kinds.map((kind) => {
                const found = month.kinds.find((k) => k.kind === kind);
                return <Table.Td key={kind} {...numeric}>{found ? cell(found.count, found.costMinor) : <Text size="sm" c="dimmed" span>—</Text>}</Table.Td>;
              })}
              <Table.Td {...numeric} fw={600}>{cell(month.count, month.costMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Th>{t('thanks.report.totalPerKind')}</Table.Th>
            {report.kinds.map((k) => <Table.Td key={k.kind} {...numeric}>{cell(k.count, k.costMinor)}</Table.Td>)}
            <Table.Td {...numeric}>{cell(total.count, total.costMinor)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
