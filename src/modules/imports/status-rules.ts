/**
 * What a row's status (or its event type) says it is: a sale; a sale that was refunded later
 * (the refund follows the sale, it does not replace it); a refund in its own right (a return,
 * a chargeback); or no purchase at all (failed, voided, pending, a test, a bank transfer).
 * An export's preset and the user name their values exactly; the words below are the common
 * ones, compared without case. A value that is neither is not guessed: the row is rejected.
 */
export type StatusClass = 'sale' | 'refunded' | 'refund' | 'skip';
export const STATUS_CLASSES = ['sale', 'refunded', 'refund', 'skip'] as const;

/** Value → class, as a preset or the user wrote it. */
export type StatusRules = Record<string, StatusClass>;

const COMMON: Record<StatusClass, string[]> = {
  sale: ['paid', 'completed', 'complete', 'succeeded', 'successful', 'success', 'captured', 'settled', 'approved', 'done', 'closed', 'fulfilled', 'shipped', 'delivered', 'sale', 'sold', 'payment', 'purchase',
    'оплачен', 'оплачено', 'оплачена', 'выполнен', 'выполнено', 'завершен', 'завершено', 'закрыт', 'продажа', 'реализация', 'доставлен', 'отгружен', 'проведен', 'продано'],
  refunded: ['refunded', 'returned', 'fully refunded', 'partially refunded', 'partially_refunded', 'partially-refunded', 'partial refund',
    'возвращен', 'возвращено', 'возвращён', 'частично возвращен', 'частично возвращён'],
  refund: ['refund', 'return', 'chargeback', 'credit note', 'возврат', 'сторно', 'возврат товара', 'возврат товаров от покупателя'],
  skip: ['failed', 'declined', 'void', 'voided', 'cancelled', 'canceled', 'pending', 'authorized', 'authorised', 'uncaptured', 'expired', 'abandoned', 'draft', 'test', 'on-hold', 'on hold', 'unpaid', 'blocked', 'denied',
    'отменен', 'отменён', 'отменено', 'отклонен', 'отклонён', 'ошибка', 'ожидает', 'ожидает оплаты', 'черновик', 'не оплачен', 'не проведен'],
};

const COMMON_BY_VALUE = new Map<string, StatusClass>();
for (const [cls, values] of Object.entries(COMMON) as [StatusClass, string[]][]) for (const v of values) COMMON_BY_VALUE.set(v, cls);

/** Classifies status values: the rules given (case-exact unless `ignoreCase`), then the common words. */
export function createStatusClassifier(rules: StatusRules | undefined, ignoreCase: boolean): (value: string) => StatusClass | null {
  const given = new Map<string, StatusClass>();
  for (const [value, cls] of Object.entries(rules ?? {})) given.set(ignoreCase ? value.toLowerCase() : value, cls);
  const cache = new Map<string, StatusClass | null>();
  return (value) => {
    let cls = cache.get(value);
    if (cls !== undefined) return cls;
    cls = given.get(ignoreCase ? value.toLowerCase() : value) ?? COMMON_BY_VALUE.get(value.toLowerCase().replace(/\s+/g, ' ').trim()) ?? null;
    if (cache.size < 1000) cache.set(value, cls);
    return cls;
  };
}

/** Whether a column's values read as statuses (most of them common status words): such a column is never a customer id. */
export function looksLikeStatuses(values: string[]): boolean {
  if (values.length === 0) return false;
  const known = values.filter((v) => COMMON_BY_VALUE.has(v.toLowerCase().trim())).length;
  return known / values.length > 0.5;
}

/** `--status Value=class`: a rule from the command line. */
export function parseStatusRule(text: string): [string, StatusClass] | null {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) return null;
  const cls = text.slice(eq + 1) as StatusClass;
  return (STATUS_CLASSES as readonly string[]).includes(cls) ? [text.slice(0, eq), cls] : null;
}
