import type { OwedThanks } from '@contracts/thanks.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { owedDescription } from './owedText.ts';

/** owedDescription in the interface language. */
export function useOwedText() {
  const t = useT();
  const format = useFormat();
  return (item: Pick<OwedThanks, 'rule' | 'detail'>) => owedDescription(item, { t, money: format.money });
}
