import type { Locale } from '@contracts/common.ts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { BulkEmailResult, EmailPurpose } from '../../api/emailApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { EmailLocaleSelect, PURPOSES, PurposeSelect } from './EmailOptionsFields.tsx';
import { SendRefusalAlert } from './SendRefusalAlert.tsx';
import { useBulkEmail } from './useSendEmail.ts';

interface BulkEmailModalProps {
  opened: boolean;
  customerIds: readonly string[];
  onClose: () => void;
  onDone: (result: BulkEmailResult) => void;
}

// A bulk send is a template for everyone: own words go to one customer at a time.
const BULK_PURPOSES = PURPOSES.filter((purpose) => purpose !== 'custom');

/** One template to the ticked customers; a bulk send is marketing, so only those with consent get it. */
export function BulkEmailModal({ opened, customerIds, onClose, onDone }: BulkEmailModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sendEmail.bulk.title', { count: customerIds.length })} centered size="md">
      {opened && <BulkEmailForm customerIds={customerIds} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function BulkEmailForm({ customerIds, onClose, onDone }: Omit<BulkEmailModalProps, 'opened'>) {
  const t = useT();
  const bulk = useBulkEmail();
  const [purpose, setPurpose] = useState<EmailPurpose>('question');
  const [locale, setLocale] = useState<Locale | ''>('');
  const count = customerIds.length;

  const confirm = () => bulk.mutate({ customerIds: [...customerIds], purpose, ...(locale && { locale }) }, { onSuccess: onDone });

  return (
    <Stack gap="md">
      <Text size="sm">{t('sendEmail.bulk.text', { count })}</Text>
      <PurposeSelect value={purpose} onChange={setPurpose} purposes={BULK_PURPOSES} />
      <EmailLocaleSelect value={locale} onChange={setLocale} />
      {bulk.isError && <SendRefusalAlert error={bulk.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button leftSection={<IconSend size={16} aria-hidden />} loading={bulk.isPending} onClick={confirm}>
          {t('sendEmail.bulk.confirm', { count })}
        </Button>
      </Group>
    </Stack>
  );
}
