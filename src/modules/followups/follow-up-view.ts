import type { FollowUp } from '../../contracts/followups.ts';
import type { FollowUpsTable } from '../../db/schema.ts';

export type FollowUpLocale = 'en' | 'ru';

/** A follow_ups row as read with the names the contract shows. */
export type FollowUpViewRow = FollowUpsTable & {
  customer_name: string;
  assignee_name?: string | null;
  done_by_name?: string | null;
  /** The label of the date attribute a date_attribute follow-up is about (its definition's name). */
  attribute_label?: string | null;
};

/** The columns a list of follow-ups selects besides `f.*` (aliases f, c, a, d, ad as joined by the repository). */
export const FOLLOW_UP_NAME_COLUMNS = ['c.display_name as customer_name', 'a.name as assignee_name', 'd.name as done_by_name', 'ad.label as attribute_label'] as const;

const iso = (at: string | Date | null) => (at === null ? null : new Date(at).toISOString());

const formats = {
  en: { day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }), year: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) },
  ru: { day: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' }), year: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) },
};

/** "3 Dec", or "3 Dec 2025" when not this year. */
export function formatDay(locale: FollowUpLocale, day: string, today: string): string {
  const f = formats[locale];
  return (day.slice(0, 4) === today.slice(0, 4) ? f.day : f.year).format(new Date(`${day}T00:00:00Z`));
}

const BY_HAND = {
  en: { call: 'Follow up by call.', email: 'Follow up by email.', visit: 'Follow up by visit.', other: 'Follow up.' },
  ru: { call: 'Связаться: позвонить.', email: 'Связаться: написать письмо.', visit: 'Связаться: встретиться.', other: 'Связаться с клиентом.' },
} as const;

/**
 * The day the occasion happened: stored with the row (occasion_on); for older rows, the day at the
 * end of a date attribute's occasion key, else the due day.
 */
export function occasionDay(row: Pick<FollowUpsTable, 'rule' | 'occasion_key' | 'due_on'> & { occasion_on?: string | null }): string {
  if (row.occasion_on) return row.occasion_on;
  const tail = row.occasion_key?.match(/(\d{4}-\d{2}-\d{2})$/)?.[1];
  return row.rule === 'date_attribute' && tail ? tail : row.due_on;
}

/** Why it exists, one sentence in the reader's language. */
export function followUpReasonText(row: Pick<FollowUpViewRow, 'rule' | 'occasion_key' | 'due_on' | 'note' | 'kind' | 'occasion_on' | 'attribute_label'>, today: string, locale: FollowUpLocale): string {
  const ru = locale === 'ru';
  const day = () => formatDay(locale, occasionDay(row), today);
  switch (row.rule) {
    case 'first_purchase':
      return ru ? `Первая покупка ${day()}: узнайте, как всё прошло.` : `First purchase on ${day()}: see how it went.`;
    case 'expected_purchase':
      return ru ? `По их собственному ритму следующая покупка около ${day()}.` : `Their own rhythm says they buy again about ${day()}.`;
    case 'complaint_resolved':
      return ru ? `Жалоба решена ${day()}: убедитесь, что клиент доволен.` : `Complaint resolved on ${day()}: check they are happy.`;
    case 'date_attribute': {
      const label = row.attribute_label?.trim() || (ru ? 'Памятная дата' : 'A key date');
      return `${label}${ru ? ': ' : ' on '}${day()}.`;
    }
    default:
      return row.note?.trim() ? row.note.trim() : BY_HAND[locale][row.kind];
  }
}

/** A follow_ups row as the FollowUp contract has it. Pure: the caller reads the names and knows today's day. */
export function toFollowUp(row: FollowUpViewRow, today: string, locale: FollowUpLocale): FollowUp {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    dueOn: row.due_on,
    overdue: row.status === 'open' && row.due_on < today,
    kind: row.kind,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    note: row.note,
    status: row.status,
    skipReason: row.skip_reason,
    rule: (row.rule as FollowUp['rule']) ?? null,
    reason: followUpReasonText(row, today, locale),
    activityId: row.activity_id,
    doneAt: iso(row.done_at),
    doneBy: row.done_by === null ? null : { id: row.done_by, name: row.done_by_name ?? '' },
    snoozed: Number(row.snoozed),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
