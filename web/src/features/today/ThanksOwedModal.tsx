import { RULE_OCCASION, type ThankRuleName } from '@contracts/thanks.ts';
import { Modal } from '@mantine/core';
import type { TodayItem } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { DismissOwedForm } from '../thanks/DismissOwedForm.tsx';
import { LogThankYouForm } from '../thanks/LogThankYouForm.tsx';
import { SendThanksEmailForm } from '../thanks/SendThanksEmailForm.tsx';

export type ThanksChoice = 'email' | 'log' | 'dismiss';

interface ThanksOwedModalProps {
  item: TodayItem & { owedId: string };
  choice: ThanksChoice | null;
  onClose: () => void;
}

/** The thanks feature's own forms, for the owed item: sending or logging one settles it, as does dismissing. */
export function ThanksOwedModal({ item, choice, onClose }: ThanksOwedModalProps) {
  const t = useT();
  const occasion = item.rule && item.rule in RULE_OCCASION ? RULE_OCCASION[item.rule as ThankRuleName] : undefined;
  const thankYou = { occasion: occasion ?? 'other', owedId: item.owedId } as const;
  const name = { name: item.customerName };
  return (
    <Modal opened={choice !== null} onClose={onClose} title={choice ? t(`thanks.actions.${choice}Title`, name) : ''} centered size={choice === 'email' ? 'lg' : 'md'}>
      {choice === 'email' && <SendThanksEmailForm customerId={item.customerId} thankYou={thankYou} onDone={onClose} />}
      {choice === 'log' && <LogThankYouForm customerId={item.customerId} preset={{ ...(occasion && { occasion }), owedId: item.owedId }} onDone={onClose} />}
      {choice === 'dismiss' && <DismissOwedForm customerId={item.customerId} owedId={item.owedId} what={occasion ? t(`thanks.rules.${item.rule}.name`) : item.reason} onDone={onClose} />}
    </Modal>
  );
}
