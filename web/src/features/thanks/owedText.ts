import type { OwedThanks } from '@contracts/thanks.ts';

interface Formatters {
  t: (key: string, vars?: Record<string, string | number | undefined>) => string;
  money: (minorUnits: number, currency: string) => string;
}

/**
 * What an owed thank-you is for, in words, with the facts the rule found: "Referred Owen Marsh —
 * bought", "Purchase €612.00", "2 years as a customer". A fact missing falls back to the rule's name.
 */
export function owedDescription(item: Pick<OwedThanks, 'rule' | 'detail'>, { t, money }: Formatters): string {
  const { referralName, amountMinor, currency, years } = item.detail;
  const amount = amountMinor !== undefined && currency ? money(amountMinor, currency) : undefined;
  switch (item.rule) {
    case 'referral_bought':
      return referralName ? t('thanks.owed.what.referral_bought', { name: referralName }) : t('thanks.rules.referral_bought.name');
    case 'first_purchase':
      return amount ? t('thanks.owed.what.first_purchase', { amount }) : t('thanks.rules.first_purchase.name');
    case 'big_purchase':
      return amount ? t('thanks.owed.what.big_purchase', { amount }) : t('thanks.rules.big_purchase.name');
    case 'anniversary':
      return years !== undefined ? t('thanks.owed.what.anniversary', { count: years }) : t('thanks.rules.anniversary.name');
    case 'entered_gold':
    case 'birthday':
      return t(`thanks.rules.${item.rule}.name`);
  }
}
