import type { Locale } from '../../contracts/common.ts';

interface Suggestion {
  key: string;
  type: 'choice';
  appliesTo: 'organisation' | 'both';
  label: Record<Locale, string>;
  options: Record<Locale, string>[];
}

/** What a new workspace starts with (removable): industry, company size and market. */
export const SUGGESTED_ATTRIBUTES: Suggestion[] = [
  {
    key: 'industry',
    type: 'choice',
    appliesTo: 'organisation',
    label: { en: 'Industry', ru: 'Отрасль' },
    options: [
      { en: 'Retail', ru: 'Розничная торговля' },
      { en: 'Wholesale', ru: 'Оптовая торговля' },
      { en: 'Hospitality', ru: 'Гостеприимство' },
      { en: 'Healthcare', ru: 'Здравоохранение' },
      { en: 'Manufacturing', ru: 'Производство' },
      { en: 'Construction', ru: 'Строительство' },
      { en: 'Professional services', ru: 'Профессиональные услуги' },
      { en: 'Technology', ru: 'Технологии' },
      { en: 'Education', ru: 'Образование' },
      { en: 'Public sector', ru: 'Госсектор' },
      { en: 'Other', ru: 'Другое' },
    ],
  },
  {
    key: 'company_size',
    type: 'choice',
    appliesTo: 'organisation',
    label: { en: 'Company size', ru: 'Размер компании' },
    options: [
      { en: '1–9 people', ru: '1–9 человек' },
      { en: '10–49 people', ru: '10–49 человек' },
      { en: '50–249 people', ru: '50–249 человек' },
      { en: '250+ people', ru: '250+ человек' },
    ],
  },
  {
    key: 'market',
    type: 'choice',
    appliesTo: 'both',
    label: { en: 'Market', ru: 'Рынок' },
    options: [
      { en: 'Local', ru: 'Местный' },
      { en: 'National', ru: 'Национальный' },
      { en: 'International', ru: 'Международный' },
    ],
  },
];
