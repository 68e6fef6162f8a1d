import type { Activity } from '@contracts/activities.ts';
import { Badge } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

/** Open (red) or resolved (green), beside the complaint's kind on the timeline. */
export function ComplaintBadge({ complaint }: { complaint: NonNullable<Activity['complaint']> }) {
  const t = useT();
  return (
    <Badge size="xs" variant="light" color={complaint.status === 'open' ? 'red' : 'green'} ml={8}>
      {t(`complaints.status.${complaint.status}`)}
    </Badge>
  );
}
