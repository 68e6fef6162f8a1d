import { RULE_OCCASION, type OwedThanks } from '@contracts/thanks.ts';
import { Button, Group, Modal } from '@mantine/core';
import { IconMail, IconPencilPlus, IconX } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { DismissOwedForm } from './DismissOwedForm.tsx';
import { LogThankYouForm } from './LogThankYouForm.tsx';
import { SendThanksEmailForm } from './SendThanksEmailForm.tsx';
import { useOwedText } from './useOwedText.ts';

export type OwedAction = { type: 'log' | 'email' | 'dismiss'; item: OwedThanks };

/** An owed thank-you's three ways out: log one given, send the thank-you email, or dismiss it. */
export function OwedActionButtons({ item, onAction, justify = 'flex-end' }: { item: OwedThanks; onAction: (action: OwedAction) => void; justify?: 'flex-start' | 'flex-end' }) {
  const t = useT();
  const what = useOwedText()(item);
  const name = { name: item.customerName, what };
  return (
    <Group gap={6} wrap="nowrap" justify={justify}>
      <Button size="compact-sm" variant="light" leftSection={<IconPencilPlus size={14} aria-hidden />} aria-label={t('thanks.actions.logFor', name)} onClick={() => onAction({ type: 'log', item })}>
        {t('thanks.actions.log')}
      </Button>
      <Button size="compact-sm" variant="default" leftSection={<IconMail size={14} aria-hidden />} aria-label={t('thanks.actions.emailFor', name)} onClick={() => onAction({ type: 'email', item })}>
        {t('thanks.actions.email')}
      </Button>
      <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} aria-label={t('thanks.actions.dismissFor', name)} onClick={() => onAction({ type: 'dismiss', item })}>
        {t('thanks.actions.dismiss')}
      </Button>
    </Group>
  );
}

/** The one modal for whichever action was chosen; the log and the email are for the occasion the rule stands for. */
export function OwedActionModal({ action, onClose }: { action: OwedAction | null; onClose: () => void }) {
  const t = useT();
  const describe = useOwedText();
  const item = action?.item;
  const title = action ? t(`thanks.actions.${action.type}Title`, { name: action.item.customerName }) : '';
  return (
    <Modal opened={action !== null} onClose={onClose} title={title} centered size={action?.type === 'email' ? 'lg' : 'md'}>
      {action && item && action.type === 'log' && <LogThankYouForm customerId={item.customerId} preset={{ occasion: RULE_OCCASION[item.rule], owedId: item.id }} onDone={onClose} />}
      {action && item && action.type === 'email' && <SendThanksEmailForm customerId={item.customerId} thankYou={{ occasion: RULE_OCCASION[item.rule], owedId: item.id }} onDone={onClose} />}
      {action && item && action.type === 'dismiss' && <DismissOwedForm customerId={item.customerId} owedId={item.id} what={describe(item)} onDone={onClose} />}
    </Modal>
  );
}
