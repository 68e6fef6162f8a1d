import { Badge } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { TodayQueueCard } from '../today/TodayQueueCard.tsx';
import { useOwedThanks } from './useThanks.ts';

/** The list's own limit: past it the card says "200+". */
const LIST_LIMIT = 200;

/** Today's "Thanks owed" queue: how many customers earned a thank-you and have not had one, and the way to the list. */
export function ThanksTodayCard() {
  const t = useT();
  const owed = useOwedThanks({ status: 'owed' });
  const count = owed.data?.length;
  return (
    <TodayQueueCard
      icon={IconHeartHandshake}
      color="pink"
      title={t('today.thanks.title')}
      text={count === undefined ? t('today.thanks.text') : t('thanks.today.count', { count })}
      loading={owed.isPending}
      badge={count !== undefined && (
        <Badge variant="light" color={count > 0 ? 'pink' : 'gray'} size="lg">
          {count >= LIST_LIMIT ? `${LIST_LIMIT}+` : count}
        </Badge>
      )}
      link={{ to: '/thanks', label: t('thanks.today.open') }}
    />
  );
}
