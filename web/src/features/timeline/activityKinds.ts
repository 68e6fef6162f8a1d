import type { ACTIVITY_KINDS } from '@contracts/activities.ts';
import { IconCalendarEvent, IconDots, IconMail, IconNote, IconPhone, type Icon } from '@tabler/icons-react';

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LOOK: Record<ActivityKind, { icon: Icon; color: string }> = {
  note: { icon: IconNote, color: 'gray' },
  call: { icon: IconPhone, color: 'teal' },
  email: { icon: IconMail, color: 'blue' },
  meeting: { icon: IconCalendarEvent, color: 'grape' },
  other: { icon: IconDots, color: 'gray' },
};
