import { Badge } from '@mantine/core';
import type { EmailStatus } from '../../api/emailApi.ts';
import { useT } from '../../i18n/i18nContext.ts';

const COLOURS: Record<EmailStatus, string> = { queued: 'gray', sending: 'blue', sent: 'green', failed: 'red', bounced: 'orange' };

export function OutboxStatusBadge({ status }: { status: EmailStatus }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={COLOURS[status]}>
      {t(`email.status.${status}`)}
    </Badge>
  );
}
