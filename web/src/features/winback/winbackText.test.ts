import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n/catalogues.ts';
import { translate } from '../../i18n/translate.ts';
import { actionBlocker, rhythmText } from './winbackText.ts';

const tFor = (locale: string) => (key: string, vars?: Record<string, string | number | undefined>) => translate(locale, messagesFor(locale), messagesFor('en'), key, vars);

describe('rhythmText', () => {
  it('rounds the usual gap to whole days', () => {
    expect(rhythmText(tFor('en'), { usualGapDays: 44.6, gapSource: 'own' })).toBe('every ~45 days');
  });

  it('says when the rhythm is the workspace median, not their own', () => {
    expect(rhythmText(tFor('en'), { usualGapDays: 30, gapSource: 'workspace' })).toBe('every ~30 days (workspace median)');
  });

  it('never says "every 0 days"', () => {
    expect(rhythmText(tFor('en'), { usualGapDays: 0.3, gapSource: 'own' })).toBe('every ~1 day');
  });

  it('uses Russian plural forms', () => {
    expect(rhythmText(tFor('ru'), { usualGapDays: 21, gapSource: 'own' })).toBe('раз в ~21 день');
    expect(rhythmText(tFor('ru'), { usualGapDays: 45, gapSource: 'own' })).toBe('раз в ~45 дней');
  });

  it('admits when there is no rhythm yet', () => {
    expect(rhythmText(tFor('en'), { usualGapDays: null, gapSource: null })).toBe('not known yet');
  });
});

describe('actionBlocker', () => {
  const withEmail = { email: 'a@example.com', consent: true };

  it('always allows logging a call', () => {
    expect(actionBlocker({ email: null, consent: false }, 'call')).toBeNull();
  });

  it('needs an address for both emails', () => {
    expect(actionBlocker({ email: null, consent: true }, 'ask_why')).toBe('winback.blocked.noEmail');
    expect(actionBlocker({ email: null, consent: true }, 'coupon')).toBe('winback.blocked.noEmail');
  });

  it('needs marketing consent for the code, not for asking why', () => {
    expect(actionBlocker({ ...withEmail, consent: false }, 'coupon')).toBe('winback.blocked.noConsent');
    expect(actionBlocker({ ...withEmail, consent: false }, 'ask_why')).toBeNull();
  });
});
