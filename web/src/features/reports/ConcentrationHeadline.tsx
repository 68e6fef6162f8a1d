import type { ConcentrationReport } from '@contracts/concentration.ts';
import { SimpleGrid, Tooltip } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { StatTile } from '../../ui/StatTile.tsx';

/** Top-1, top-5 and HHI for the period, each explaining itself on hover (and to screen readers, as its hint). */
export function ConcentrationHeadline({ report, periodName }: { report: ConcentrationReport; periodName: string }) {
  const t = useT();
  const format = useFormat();
  const share = (value: number | null) => (value === null ? '—' : format.percent(value, 1));
  const figures = [
    { key: 'top1', value: share(report.top1Share), hint: report.groups[0]?.name },
    { key: 'top5', value: share(report.top5Share), hint: t('concentration.figures.groups', { count: report.groupCount, number: format.number(report.groupCount) }) },
    { key: 'hhi', value: report.hhi === null ? '—' : format.number(Math.round(report.hhi)), hint: report.hhi === null ? undefined : t(`concentration.hhiLevel.${hhiLevel(report.hhi)}`) },
    { key: 'revenue', value: format.money(report.totalRevenue, report.currency), hint: undefined },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="section" aria-label={t('concentration.figures.title')}>
      {figures.map((f) => (
        <Tooltip key={f.key} label={t(`concentration.figures.${f.key}Help`, { period: periodName })} multiline w={320} withArrow openDelay={150}>
          {/* Focusable, so the explanation also shows from the keyboard. */}
          <div tabIndex={0}>
            <StatTile label={t(`concentration.figures.${f.key}`)} value={f.value} hint={f.hint} />
          </div>
        </Tooltip>
      ))}
    </SimpleGrid>
  );
}

/** The usual reading of the index (as competition authorities use it): under 1,500 unconcentrated, over 2,500 highly concentrated. */
export function hhiLevel(hhi: number): 'low' | 'moderate' | 'high' {
  return hhi < 1_500 ? 'low' : hhi <= 2_500 ? 'moderate' : 'high';
}
