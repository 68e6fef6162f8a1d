import { TODAY_SECTIONS, type TodayQueue, type TodaySection } from '../../contracts/today.ts';
import { escapeHtml } from '../../shared/html-page.ts';
import { customerLink } from './reminders.usecases.ts';

type Lang = 'en' | 'ru';
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Counted nouns for the subject; Russian has three forms (1 напоминание, 2 напоминания, 5 напоминаний). */
const COUNTED: Record<Lang, Record<TodaySection, Forms>> = {
  en: {
    followUpsDue: { one: 'follow-up', other: 'follow-ups' },
    thanksOwed: { other: 'thanks owed' },
    goldDrifting: { one: 'gold customer drifting', other: 'gold customers drifting' },
    lapsedToAsk: { one: 'lapsed customer to ask', other: 'lapsed customers to ask' },
    keyDates: { one: 'key date', other: 'key dates' },
    newCustomers: { one: 'new customer', other: 'new customers' },
  },
  ru: {
    followUpsDue: { one: 'напоминание', few: 'напоминания', other: 'напоминаний' },
    thanksOwed: { one: 'благодарность', few: 'благодарности', other: 'благодарностей' },
    goldDrifting: { one: 'золотой клиент отдаляется', few: 'золотых клиента отдаляются', other: 'золотых клиентов отдаляются' },
    lapsedToAsk: { one: 'ушедший клиент', few: 'ушедших клиента', other: 'ушедших клиентов' },
    keyDates: { one: 'памятная дата', few: 'памятные даты', other: 'памятных дат' },
    newCustomers: { one: 'новый клиент', few: 'новых клиента', other: 'новых клиентов' },
  },
};

const HEADING: Record<Lang, Record<TodaySection, string>> = {
  en: { followUpsDue: 'Follow-ups due', thanksOwed: 'Thanks owed', goldDrifting: 'Gold customers drifting', lapsedToAsk: 'Lapsed customers to ask why', keyDates: 'Key dates', newCustomers: 'New customers' },
  ru: { followUpsDue: 'Напоминания', thanksOwed: 'Кого поблагодарить', goldDrifting: 'Золотые клиенты отдаляются', lapsedToAsk: 'Спросить ушедших, почему', keyDates: 'Памятные даты', newCustomers: 'Новые клиенты' },
};

const TEXT = {
  en: {
    subject: 'Today in Rapport', hello: (name: string) => `Hello ${name},`, intro: (day: string) => `here is what is waiting for you today, ${day}:`,
    more: (n: number) => `…and ${n} more`, open: 'Open Today', why: (hour: number) => `You get this email every day after ${String(hour).padStart(2, '0')}:00. To change or stop it, go to your account settings`,
  },
  ru: {
    subject: 'Сегодня в Rapport', hello: (name: string) => `Здравствуйте, ${name}!`, intro: (day: string) => `Вот что ждёт вас сегодня, ${day}:`,
    more: (n: number) => `…и ещё ${n}`, open: 'Открыть «Сегодня»', why: (hour: number) => `Это письмо приходит каждый день после ${String(hour).padStart(2, '0')}:00. Изменить или отключить его можно в настройках учётной записи`,
  },
};

const plurals: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };
const counted = (lang: Lang, section: TodaySection, n: number) => {
  const forms = COUNTED[lang][section];
  return `${n} ${forms[plurals[lang].select(n)] ?? forms.other}`;
};

export const langOf = (locale: string): Lang => (locale.startsWith('ru') ? 'ru' : 'en');
export const itemCount = (queue: TodayQueue) => TODAY_SECTIONS.reduce((sum, s) => sum + queue.sections[s].count, 0);

/** How many items of each section the email lists; the rest are counted. */
const LISTED = 5;

/** The digest email: a subject with each section's count, a plain-text body, and the same as simple HTML. */
export function digestMessage(input: { queue: TodayQueue; locale: string; userName: string; digestHour: number; publicUrl: string; day: string }) {
  const lang = langOf(input.locale);
  const t = TEXT[lang];
  const sections = TODAY_SECTIONS.filter((s) => input.queue.sections[s].count > 0);
  const subject = `${t.subject}: ${sections.map((s) => counted(lang, s, input.queue.sections[s].count)).join(', ')}`;
  const todayUrl = `${input.publicUrl}/today`;
  const accountUrl = `${input.publicUrl}/account`;
  const day = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${input.day}T00:00:00Z`));

  const text: string[] = [t.hello(input.userName), t.intro(day), ''];
  const html: string[] = [`<p>${escapeHtml(t.hello(input.userName))}<br>${escapeHtml(t.intro(day))}</p>`];
  for (const s of sections) {
    const { count, items } = input.queue.sections[s];
    const listed = items.slice(0, LISTED);
    text.push(`${HEADING[lang][s]} (${count})`);
    html.push(`<h3>${escapeHtml(HEADING[lang][s])} (${count})</h3><ul>`);
    for (const item of listed) {
      const link = customerLink(input.publicUrl, item.customerId);
      text.push(`- ${item.customerName}: ${item.reason}`, `  ${link}`);
      html.push(`<li><a href="${escapeHtml(link)}">${escapeHtml(item.customerName)}</a>: ${escapeHtml(item.reason)}</li>`);
    }
    if (count > listed.length) {
      text.push(`  ${t.more(count - listed.length)}`);
      html.push(`<li>${escapeHtml(t.more(count - listed.length))}</li>`);
    }
    text.push('');
    html.push('</ul>');
  }
  text.push(`${t.open}: ${todayUrl}`, '', '--', `${t.why(input.digestHour)}: ${accountUrl}`, '');
  html.push(`<p><a href="${escapeHtml(todayUrl)}">${escapeHtml(t.open)}</a></p>`, `<p style="color:#666;font-size:small">${escapeHtml(t.why(input.digestHour))}: <a href="${escapeHtml(accountUrl)}">${escapeHtml(accountUrl)}</a></p>`);
  return { subject, text: text.join('\n'), html: `<!doctype html><html lang="${lang}"><body>${html.join('\n')}</body></html>`, lang };
}
