import type { ACTIVITY_KINDS } from '@contracts/activities.ts';
import { IconCalendarEvent, IconDots, IconMail, IconMoodSad, IconNote, IconPhone, type Icon } from '@tabler/icons-react';
import type { TFunction } from '../../i18n/i18nContext.ts';

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LOOK: Record<ActivityKind, { icon: Icon; color: string }> = {
  note: { icon: IconNote, color: 'gray' },
  call: { icon: IconPhone, color: 'teal' },
  email: { icon: IconMail, color: 'blue' },
  meeting: { icon: IconCalendarEvent, color: 'grape' },
  complaint: { icon: IconMoodSad, color: 'red' },
  other: { icon: IconDots, color: 'gray' },
};

/** The kind's name; complaints keep their words with the rest of the complaint texts. */
export function activityKindLabel(t: TFunction, kind: ActivityKind): string {
  return kind === 'complaint' ? t('complaints.kind') : t(`timeline.kinds.${kind}`);
}
