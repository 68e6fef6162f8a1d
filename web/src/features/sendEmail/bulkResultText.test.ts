import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n/catalogues.ts';
import { translate } from '../../i18n/translate.ts';
import { bulkResultParts, bulkResultSentence } from './bulkResultText.ts';

const result = (queued: number, skipped: Partial<{ noConsent: number; unsubscribed: number; noEmail: number; notFound: number }> = {}) => ({
  queued,
  skipped: { noConsent: 0, unsubscribed: 0, noEmail: 0, notFound: 0, ...skipped },
});
const tFor = (locale: string) => (key: string, vars?: Record<string, string | number | undefined>) => translate(locale, messagesFor(locale), messagesFor('en'), key, vars);

describe('bulkResultParts', () => {
  it('always says how many were queued, even none', () => {
    expect(bulkResultParts(result(0))).toEqual([{ key: 'sendEmail.bulk.queued', count: 0 }]);
  });

  it('adds only the reasons that skipped someone', () => {
    expect(bulkResultParts(result(12, { noConsent: 3, notFound: 1 })).map((part) => part.key)).toEqual([
      'sendEmail.bulk.queued',
      'sendEmail.bulk.skipped.noConsent',
      'sendEmail.bulk.skipped.notFound',
    ]);
  });
});

describe('bulkResultSentence', () => {
  it('reads as one sentence in English', () => {
    expect(bulkResultSentence(tFor('en'), result(12, { noConsent: 3, noEmail: 1 }))).toBe(
      '12 queued; 3 skipped without marketing consent; 1 skipped without an email address.',
    );
  });

  it('uses the Russian plural forms', () => {
    expect(bulkResultSentence(tFor('ru'), result(1, { noConsent: 5 }))).toBe('1 письмо в очереди; 5 пропущено: нет согласия на рассылку.');
  });
});
