import { SimpleGrid } from '@mantine/core';
import type { TodayQueue } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { StatTile } from '../../ui/StatTile.tsx';
import { WeekChangeHint } from './WeekChangeHint.tsx';

/** This week so far (Monday to today) against the same days of last week. */
export function WeekStrip({ week, currency }: { week: TodayQueue['week']; currency: string }) {
  const t = useT();
  const format = useFormat();
  const { thisWeek, lastWeek } = week;
  const tiles = [
    { key: 'revenue', current: thisWeek.revenueMinor, previous: lastWeek.revenueMinor, text: (value: number) => format.money(value, currency) },
    { key: 'newCustomers', current: thisWeek.newCustomers, previous: lastWeek.newCustomers, text: format.number },
    { key: 'returning', current: thisWeek.returningCustomers, previous: lastWeek.returningCustomers, text: format.number },
  ] as const;
  return (
    <section aria-label={t('today.week.title')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {tiles.map((tile) => (
          <StatTile
            key={tile.key}
            label={t(`today.week.${tile.key}`)}
            value={tile.text(tile.current)}
            hint={<WeekChangeHint current={tile.current} previous={tile.previous} previousText={tile.text(tile.previous)} />}
          />
        ))}
      </SimpleGrid>
    </section>
  );
}
