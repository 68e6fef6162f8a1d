import type { BulkEmailResult } from '../../api/emailApi.ts';
import type { TFunction } from '../../i18n/i18nContext.ts';

/** Each part of a bulk send's outcome worth saying: always how many were queued, then each non-zero reason to skip. */
export function bulkResultParts(result: BulkEmailResult): { key: string; count: number }[] {
  const { noConsent, noEmail, unsubscribed, notFound } = result.skipped;
  const skipped = [
    { key: 'sendEmail.bulk.skipped.noConsent', count: noConsent },
    { key: 'sendEmail.bulk.skipped.noEmail', count: noEmail },
    { key: 'sendEmail.bulk.skipped.unsubscribed', count: unsubscribed },
    { key: 'sendEmail.bulk.skipped.notFound', count: notFound },
  ];
  return [{ key: 'sendEmail.bulk.queued', count: result.queued }, ...skipped.filter((part) => part.count > 0)];
}

/** "12 queued; 3 skipped without marketing consent; 1 skipped: unsubscribed." */
export function bulkResultSentence(t: TFunction, result: BulkEmailResult): string {
  return `${bulkResultParts(result).map(({ key, count }) => t(key, { count })).join('; ')}.`;
}
