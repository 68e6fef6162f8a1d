import { IconCake, IconCalendarDue, IconHeartHandshake, IconMessageQuestion, IconTrendingDown, IconUserPlus, type Icon } from '@tabler/icons-react';
import type { TodaySection } from '@contracts/today.ts';

export interface SectionLook {
  section: TodaySection;
  icon: Icon;
  color: string;
  /** The full page of the section's kind, where one exists; otherwise "Show all" opens it in place. */
  fullPage?: string;
}

/** The queue's order: what is promised first, then what is earned, then what is at risk, then the pleasant ones. */
export const SECTION_ORDER: readonly SectionLook[] = [
  { section: 'followUpsDue', icon: IconCalendarDue, color: 'blue' },
  { section: 'thanksOwed', icon: IconHeartHandshake, color: 'pink', fullPage: '/thanks' },
  { section: 'goldDrifting', icon: IconTrendingDown, color: 'orange', fullPage: '/winback' },
  { section: 'lapsedToAsk', icon: IconMessageQuestion, color: 'red' },
  { section: 'keyDates', icon: IconCake, color: 'grape' },
  { section: 'newCustomers', icon: IconUserPlus, color: 'teal', fullPage: '/customers?sort=createdAt&order=desc' },
];

/** Rows shown per section before "Show all". */
export const SECTION_PREVIEW = 5;
