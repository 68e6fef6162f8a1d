import type { EmailPurpose } from '../../db/schema.ts';

/** The built-in text of each template until a workspace saves its own. */
export const DEFAULT_TEMPLATES: Record<EmailPurpose, Record<'en' | 'ru', { subject: string; body: string }>> = {
  thank_you: {
    en: { subject: 'Thank you, {firstName}!', body: 'Dear {firstName},\n\nThank you for your purchase on {lastPurchase}. It means a lot to us.\n\nWith warm regards' },
    ru: { subject: 'Спасибо, {firstName}!', body: 'Здравствуйте, {firstName}!\n\nСпасибо за покупку {lastPurchase} — это очень важно для нас.\n\nС уважением' },
  },
  question: {
    en: { subject: 'A quick question, {firstName}', body: 'Dear {firstName},\n\nWhat made you choose us? One click is enough:\n{surveyLink}\n\nOr just reply to this email — we read every answer.\n\nThank you' },
    ru: { subject: 'Один вопрос, {firstName}', body: 'Здравствуйте, {firstName}!\n\nПочему вы выбрали нас? Достаточно одного клика:\n{surveyLink}\n\nИли просто ответьте на это письмо — мы читаем каждый ответ.\n\nСпасибо' },
  },
  exit_question: {
    en: { subject: 'Could we have done better, {firstName}?', body: 'Dear {firstName},\n\nWe have not seen you since {lastPurchase}. Is there anything we could have done better? Tell us here — it takes a minute:\n{surveyLink}\n\nThank you for your honesty' },
    ru: { subject: 'Могли ли мы сделать лучше, {firstName}?', body: 'Здравствуйте, {firstName}!\n\nПоследняя ваша покупка была {lastPurchase}, и с тех пор мы вас не видели. Могли ли мы сделать что-то лучше? Расскажите здесь — это займёт минуту:\n{surveyLink}\n\nСпасибо за честность' },
  },
  winback: {
    en: { subject: 'We miss you, {firstName}', body: 'Dear {firstName},\n\nIt has been a while since {lastPurchase}. Is there anything we could have done better?\n\nWith code {couponCode} your next purchase is on us in part.' },
    ru: { subject: 'Мы скучаем, {firstName}', body: 'Здравствуйте, {firstName}!\n\nВаша последняя покупка была {lastPurchase}, и мы скучаем. Могли ли мы сделать что-то лучше?\n\nС кодом {couponCode} следующая покупка будет выгоднее.' },
  },
  custom: {
    en: { subject: 'Hello, {firstName}', body: 'Dear {firstName},\n\n' },
    ru: { subject: 'Здравствуйте, {firstName}', body: 'Здравствуйте, {firstName}!\n\n' },
  },
};
