import { Button, Code, CopyButton, Group, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconTicket } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useCreateReferralCode } from './useReferrals.ts';

/** The code the customer shares: purchases and imports that carry it record them as the referrer. */
export function ReferralCode({ customerId, code, canWrite }: { customerId: string; code: string | null; canWrite: boolean }) {
  const t = useT();
  const create = useCreateReferralCode(customerId);
  return (
    <div>
      <Title order={3} fz="sm" mb={4}>
        {t('referrals.code.title')}
      </Title>
      {code ? (
        <Group gap="xs">
          <Code fz="sm" fw={600}>
            {code}
          </Code>
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Button variant="subtle" size="compact-sm" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy}>
                {t(copied ? 'referrals.code.copied' : 'referrals.code.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      ) : canWrite ? (
        <Button variant="light" size="xs" leftSection={<IconTicket size={14} aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>
          {t('referrals.code.create')}
        </Button>
      ) : (
        <Text size="sm" c="gray.6" fs="italic">
          {t('referrals.code.none')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('referrals.code.hint')}
      </Text>
      {create.isError && <ErrorAlert error={create.error} onClose={() => create.reset()} />}
    </div>
  );
}
