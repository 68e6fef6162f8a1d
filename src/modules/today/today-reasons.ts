/** The one-sentence "why it is here" of each Today item, in English or Russian. */

export type Lang = 'en' | 'ru';

const dayFormats = { en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }), ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', timeZone: 'UTC' }) };
export const shortDay = (lang: Lang, day: string) => dayFormats[lang].format(new Date(`${day}T00:00:00Z`));

const KIND = {
  en: { call: 'Call', email: 'Email', visit: 'Visit', other: 'Follow-up' },
  ru: { call: 'Звонок', email: 'Письмо', visit: 'Встреча', other: 'Дело' },
} as const;

/** Russian plural forms: one, few, many. */
function ruPlural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}
const days = (lang: Lang, n: number) => (lang === 'ru' ? `${n} ${ruPlural(n, ['день', 'дня', 'дней'])}` : `${n} ${n === 1 ? 'day' : 'days'}`);
const years = (lang: Lang, n: number) => (lang === 'ru' ? `${n} ${ruPlural(n, ['год', 'года', 'лет'])}` : `${n} ${n === 1 ? 'year' : 'years'}`);

export function followUpReason(lang: Lang, kind: keyof typeof KIND.en, dueOn: string, today: string, why: string | null): string {
  const due = dueOn === today
    ? (lang === 'ru' ? `${KIND.ru[kind]}: сегодня` : `${KIND.en[kind]} due today`)
    : (lang === 'ru' ? `${KIND.ru[kind]}: просрочено с ${shortDay(lang, dueOn)}` : `${KIND.en[kind]} overdue since ${shortDay(lang, dueOn)}`);
  return why ? `${due}: ${why}` : due;
}

const RULE = {
  en: { referral_bought: 'someone they referred bought', first_purchase: 'first purchase', entered_gold: 'became a gold customer', big_purchase: 'a big purchase', anniversary: 'anniversary as a customer', birthday: 'birthday' },
  ru: { referral_bought: 'купил(а) приведённый им клиент', first_purchase: 'первая покупка', entered_gold: 'стал(а) золотым клиентом', big_purchase: 'крупная покупка', anniversary: 'годовщина с нами', birthday: 'день рождения' },
} as const;

export function thanksReason(lang: Lang, rule: string, occurredOn: string, detail: Record<string, unknown>): string {
  const what = (RULE[lang] as Record<string, string>)[rule] ?? rule;
  const extra = rule === 'referral_bought' && typeof detail.referralName === 'string' ? ` (${detail.referralName})`
    : rule === 'anniversary' && typeof detail.years === 'number' ? ` (${years(lang, detail.years)})` : '';
  // A Russian short month ends in its own full stop ("7 дек."): one is enough.
  const day = shortDay(lang, occurredOn).replace(/\.$/, '');
  return lang === 'ru' ? `Поблагодарить: ${what}${extra}, ${day}.` : `Thank them: ${what}${extra}, ${day}.`;
}

export function driftingReason(lang: Lang, gapDays: number | null, sinceLast: number): string {
  if (lang === 'ru') {
    const last = `последняя покупка ${days(lang, sinceLast)} назад.`;
    return gapDays === null ? `П${last.slice(1)}` : `Обычно покупает раз в ${days(lang, gapDays)}; ${last}`;
  }
  const last = `bought ${days(lang, sinceLast)} ago.`;
  return gapDays === null ? `Last ${last}` : `Usually buys every ${days(lang, gapDays)}; last ${last}`;
}

export function lapsedReason(lang: Lang, sinceLast: number): string {
  return lang === 'ru' ? `Не покупает ${days(lang, sinceLast)}: спросите, что случилось.` : `No purchase for ${days(lang, sinceLast)}: ask them why.`;
}

export function keyDateReason(lang: Lang, kind: 'birthday' | 'anniversary', yearsCount: number | null): string {
  if (kind === 'birthday') return lang === 'ru' ? 'Сегодня день рождения.' : 'Birthday today.';
  const n = yearsCount ?? 0;
  return lang === 'ru' ? `Сегодня ${years(lang, n)} с нами.` : `${years(lang, n)} as a customer today.`;
}

export function newCustomerReason(lang: Lang, daysAgo: number): string {
  if (lang === 'ru') return daysAgo === 0 ? 'Новый клиент сегодня: поприветствуйте.' : `Добавлен(а) ${days(lang, daysAgo)} назад: поприветствуйте.`;
  return daysAgo === 0 ? 'Added today: welcome them.' : `Added ${days(lang, daysAgo)} ago: welcome them.`;
}

export const keyDateLabel = (lang: Lang, kind: 'birthday' | 'anniversary') => (kind === 'birthday' ? (lang === 'ru' ? 'День рождения' : 'Birthday') : lang === 'ru' ? 'Годовщина' : 'Anniversary');
