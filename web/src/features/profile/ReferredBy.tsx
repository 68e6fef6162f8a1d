import type { ReferralsOf } from '@contracts/referrals.ts';
import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { customerPath } from '../customers/CustomerLink.tsx';
import { ChangeReferrerForm } from './ChangeReferrerForm.tsx';
import { SectionModal } from './SectionModal.tsx';
import { useSetReferrer } from './useReferrals.ts';

/** Who referred the customer (their profile a click away), with a way to change or clear it. */
export function ReferredBy({ customerId, referredBy, canWrite }: { customerId: string; referredBy: ReferralsOf['referredBy']; canWrite: boolean }) {
  const t = useT();
  const [changing, change] = useDisclosure(false);
  const [clearing, clear] = useDisclosure(false);
  const save = useSetReferrer(customerId);

  return (
    <div>
      <Title order={3} fz="sm" mb={4}>
        {t('referrals.referredBy')}
      </Title>
      <Group gap="xs" justify="space-between" wrap="wrap">
        {referredBy ? (
          <Anchor component={Link} to={customerPath(referredBy.id)} size="sm" fw={500}>
            {referredBy.name}
          </Anchor>
        ) : (
          <Text size="sm" c="gray.6" fs="italic">
            {t('referrals.nobody')}
          </Text>
        )}
        {canWrite && (
          <Group gap={4}>
            <Button variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />} onClick={change.open}>
              {t(referredBy ? 'referrals.change.action' : 'referrals.change.add')}
            </Button>
            {referredBy && (
              <Button variant="subtle" size="compact-sm" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={clear.open}>
                {t('referrals.clear.action')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SectionModal opened={changing} onClose={change.close} title={t('referrals.change.title')} size="md">
        <ChangeReferrerForm customerId={customerId} onDone={change.close} />
      </SectionModal>
      <ConfirmModal
        opened={clearing}
        title={t('referrals.clear.title')}
        confirmLabel={t('referrals.clear.confirm')}
        loading={save.isPending}
        onCancel={clear.close}
        onConfirm={() => save.mutate({ referrerId: null }, { onSuccess: clear.close })}
      >
        <Text size="sm">{t('referrals.clear.text', { name: referredBy?.name ?? '' })}</Text>
        {save.isError && <ErrorAlert error={save.error} />}
      </ConfirmModal>
    </div>
  );
}
