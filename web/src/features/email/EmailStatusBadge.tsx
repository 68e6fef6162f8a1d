import type { Activity } from '@contracts/activities.ts';
import { Badge, Text, Tooltip } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

const COLOURS = { queued: 'gray', sending: 'blue', sent: 'green', failed: 'red', bounced: 'orange' } as const;

/** The delivery status of an email sent from Rapport, with the SMTP error when there is one. */
export function EmailStatusBadge({ email }: { email: NonNullable<Activity['email']> }) {
  const t = useT();
  const badge = (
    <Badge size="xs" variant="light" color={COLOURS[email.status]} ml={8}>
      {t(`email.status.${email.status}`)}
    </Badge>
  );
  return (
    <>
      {email.lastError ? <Tooltip label={email.lastError} multiline w={320}>{badge}</Tooltip> : badge}
      {email.lastError && (
        <Text span size="xs" c="red" ml={6}>
          {email.lastError}
        </Text>
      )}
    </>
  );
}
