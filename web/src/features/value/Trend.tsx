import { Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

/** Revenue of the last 365 days against the 365 before: ▲ 12% in green, ▼ 5% in red, a dash without earlier revenue. */
export function Trend({ trend }: { trend: number | null }) {
  const t = useT();
  const format = useFormat();
  if (trend === null) {
    return (
      <Text span size="sm" c="gray.5" aria-label={t('value.trend.none')} title={t('value.trend.none')}>
        —
      </Text>
    );
  }
  const percent = format.percent(Math.abs(trend));
  const up = trend >= 0;
  return (
    <Text span size="sm" fw={600} c={up ? 'teal.8' : 'red.8'} aria-label={t(up ? 'value.trend.up' : 'value.trend.down', { percent })} style={{ whiteSpace: 'nowrap' }}>
      {up ? '▲' : '▼'} {percent}
    </Text>
  );
}
