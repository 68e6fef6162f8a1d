import { Badge } from '@mantine/core';
import { IconTrendingDown } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { TodayQueueCard } from '../today/TodayQueueCard.tsx';
import { useWinbackQueue } from './useWinback.ts';

/** Today's "drifting" queue: how many gold and silver customers are at risk or lapsed, and the way to the win-back queue. */
export function WinbackTodayCard() {
  const t = useT();
  const queue = useWinbackQueue({ hideContacted: false });
  const count = queue.data?.items.length;
  return (
    <TodayQueueCard
      icon={IconTrendingDown}
      color="orange"
      title={t('today.drifting.title')}
      text={count === undefined || count === 0 ? t('today.drifting.text') : t('winback.today.text', { count })}
      loading={count === undefined && queue.isPending}
      badge={count !== undefined && (
        <Badge variant="light" color={count > 0 ? 'orange' : 'teal'}>
          {t('winback.today.badge', { count })}
        </Badge>
      )}
      link={{ to: '/winback', label: t('winback.today.open') }}
    />
  );
}
