import { RULE_OCCASION } from '@contracts/thanks.ts';
import { Button, Group } from '@mantine/core';
import { IconHeartHandshake, IconPencilPlus, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../api/queryKeys.ts';
import type { TodayItem } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ThanksOwedModal, type ThanksChoice } from './ThanksOwedModal.tsx';

/**
 * Thanks owed: "Send thanks" (the thank-you email when there is an address), "Log" one given
 * another way, or "Dismiss". The forms settle the owed item; closing reloads the queue without it.
 */
export function ThanksOwedActions({ item }: { item: TodayItem & { owedId: string } }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<ThanksChoice | null>(null);
  const what = item.rule && item.rule in RULE_OCCASION ? t(`thanks.rules.${item.rule}.name`) : item.reason;
  const name = { name: item.customerName, what };
  const close = () => {
    setChoice(null);
    void queryClient.invalidateQueries({ queryKey: queryKeys.today });
  };
  return (
    <>
      <Group gap={6} wrap="nowrap">
        {item.email ? (
          <Button size="compact-sm" variant="light" color="pink" leftSection={<IconHeartHandshake size={14} aria-hidden />} aria-label={t('thanks.actions.emailFor', name)} onClick={() => setChoice('email')}>
            {t('today.actions.sendThanks')}
          </Button>
        ) : null}
        <Button size="compact-sm" variant={item.email ? 'default' : 'light'} color={item.email ? undefined : 'pink'} leftSection={<IconPencilPlus size={14} aria-hidden />} aria-label={t('thanks.actions.logFor', name)} onClick={() => setChoice('log')}>
          {t('today.actions.logThanks')}
        </Button>
        <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} aria-label={t('thanks.actions.dismissFor', name)} onClick={() => setChoice('dismiss')}>
          {t('thanks.actions.dismiss')}
        </Button>
      </Group>
      {choice && <ThanksOwedModal item={item} choice={choice} onClose={close} />}
    </>
  );
}
