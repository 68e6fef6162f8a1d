import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import en from '../i18n/en.json' with { type: 'json' };
import ru from '../i18n/ru.json' with { type: 'json' };
import { flattenCatalogue, translate } from '../i18n/translate.ts';
import { issueMessage } from './issueMessage.ts';

const english = flattenCatalogue(en);
function i18n(locale: 'en' | 'ru') {
  const messages = locale === 'en' ? english : flattenCatalogue(ru);
  return {
    t: (key: string, vars?: Record<string, string | number | undefined>) => translate(locale, messages, english, key, vars),
    has: (key: string) => messages.has(key) || english.has(key),
  };
}

describe('issueMessage', () => {
  it('says "required" for an empty required text field', () => {
    const { t, has } = i18n('en');
    expect(issueMessage(t, has, { path: 'name', code: 'too_small', message: '', params: { minimum: 1, origin: 'string' } })).toBe(
      'Fill in this field',
    );
  });

  it('gives the minimum length with the right plural form', () => {
    const issue = { path: 'password', code: 'too_small', message: '', params: { minimum: 10, origin: 'string' } };
    expect(issueMessage(i18n('en').t, i18n('en').has, issue)).toBe('Use at least 10 characters');
    expect(issueMessage(i18n('ru').t, i18n('ru').has, issue)).toBe('Не менее 10 символов');
    const short = { ...issue, params: { minimum: 21, origin: 'string' } };
    expect(issueMessage(i18n('ru').t, i18n('ru').has, short)).toBe('Не менее 21 символа');
  });

  it('translates server codes and falls back for unknown ones', () => {
    const { t, has } = i18n('ru');
    expect(issueMessage(t, has, { path: 'email', code: 'taken', message: '' })).toBe('Пользователь с такой электронной почтой уже есть');
    expect(issueMessage(t, has, { path: 'x', code: 'something_new', message: '' })).toBe('Выберите один из вариантов');
  });
});

describe('errorMessage', () => {
  it('says how many minutes to wait after too many sign-in attempts', () => {
    const { t, has } = i18n('ru');
    const error = new ApiError(429, 'auth.rate_limited', 'Too many', { retryAfterSeconds: 290 });
    expect(errorMessage(t, has, error)).toBe('Слишком много неудачных попыток входа. Попробуйте снова через 5 минут.');
  });

  it('names the loop a parent organisation would make, and the unknown attribute', () => {
    const path = [
      { id: 'a', displayName: 'Ромашка Север' },
      { id: 'b', displayName: 'Ромашка Групп' },
      { id: 'a', displayName: 'Ромашка Север' },
    ];
    expect(errorMessage(i18n('ru').t, i18n('ru').has, new ApiError(409, 'organisations.cycle', 'x', { path }))).toContain(
      'Ромашка Север → Ромашка Групп → Ромашка Север',
    );
    expect(errorMessage(i18n('en').t, i18n('en').has, new ApiError(400, 'attributes.unknown', 'x', { key: 'size' }))).toBe(
      'There is no attribute “size”. Define it in Settings → Attributes first.',
    );
  });

  it('translates known codes and hides unknown ones behind a generic message', () => {
    const { t, has } = i18n('en');
    expect(errorMessage(t, has, new ApiError(401, 'auth.invalid_credentials', 'x'))).toBe('Email or password is incorrect');
    expect(errorMessage(t, has, new ApiError(409, 'brand.new_code', 'Raw English'))).toBe('Something went wrong. Please try again.');
    expect(errorMessage(t, has, new TypeError('boom'))).toBe('Something went wrong. Please try again.');
  });
});

describe('ApiError.fromResponse', () => {
  it('reads the code and the field issues', () => {
    const error = ApiError.fromResponse(400, {
      error: { code: 'request.invalid', message: 'Some fields are not valid', details: { fields: [{ path: 'email', code: 'invalid_email', message: 'x' }] } },
    });
    expect(error).toMatchObject({ status: 400, code: 'request.invalid', fields: [{ path: 'email', code: 'invalid_email' }] });
  });
});
