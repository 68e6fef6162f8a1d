import type { ConcentrationYear } from '@contracts/concentration.ts';
import { Table } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** Every year side by side, latest first, the one shown in bold: is the revenue getting more or less concentrated? */
export function ConcentrationYears({ years, shown, currency }: { years: readonly ConcentrationYear[]; shown: number | null; currency: string }) {
  const t = useT();
  const format = useFormat();
  const share = (value: number | null) => (value === null ? '—' : format.percent(value, 1));
  return (
    <Table.ScrollContainer minWidth={380}>
      <Table verticalSpacing={4} aria-label={t('concentration.years.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('concentration.years.year')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('concentration.years.revenue')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('concentration.years.top1')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('concentration.years.top5')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('concentration.figures.hhi')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.toReversed().map((y) => (
            <Table.Tr key={y.year} fw={y.year === shown ? 600 : undefined}>
              <Table.Th scope="row" fw="inherit">{y.year}</Table.Th>
              <Table.Td {...NUMBER}>{format.money(y.totalRevenue, currency)}</Table.Td>
              <Table.Td {...NUMBER}>{share(y.top1Share)}</Table.Td>
              <Table.Td {...NUMBER}>{share(y.top5Share)}</Table.Td>
              <Table.Td {...NUMBER}>{y.hhi === null ? '—' : format.number(Math.round(y.hhi))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
