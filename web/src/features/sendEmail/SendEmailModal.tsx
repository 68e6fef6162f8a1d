import { Alert, Button, Group, Modal, Paper, Skeleton, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { EmailLocaleSelect, PurposeSelect } from './EmailOptionsFields.tsx';
import { SendRefusalAlert } from './SendRefusalAlert.tsx';
import { useEmailPreview, useSendEmail, type EmailDraft } from './useSendEmail.ts';

interface SendEmailModalProps {
  opened: boolean;
  customerId: string;
  customerName: string;
  onClose: () => void;
}

/** One email to this customer: pick the template and language, read the preview, send. */
export function SendEmailModal({ opened, customerId, customerName, onClose }: SendEmailModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sendEmail.title', { name: customerName })} centered size="lg">
      {opened && <SendEmailForm customerId={customerId} onClose={onClose} />}
    </Modal>
  );
}

function SendEmailForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<EmailDraft>({ purpose: 'thank_you', locale: '', subject: '', body: '' });
  const [debounced] = useDebouncedValue(draft, 400);
  const custom = debounced.purpose === 'custom';
  const preview = useEmailPreview(customerId, debounced, !custom || (debounced.subject.trim() !== '' && debounced.body.trim() !== ''));
  const send = useSendEmail(customerId);
  const change = (patch: Partial<EmailDraft>) => {
    send.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };
  const canSend = draft.purpose !== 'custom' || (draft.subject.trim() !== '' && draft.body.trim() !== '');

  if (send.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('sendEmail.queued', { to: send.data.message?.to ?? '' })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <PurposeSelect value={draft.purpose} onChange={(purpose) => change({ purpose })} />
        <EmailLocaleSelect value={draft.locale} onChange={(locale) => change({ locale })} />
      </Group>
      {draft.purpose === 'custom' && (
        <>
          <TextInput label={t('sendEmail.subject')} required maxLength={300} value={draft.subject} onChange={(event) => change({ subject: event.currentTarget.value })} />
          <Textarea label={t('sendEmail.body')} description={t('sendEmail.bodyHint')} required autosize minRows={4} maxRows={10} value={draft.body} onChange={(event) => change({ body: event.currentTarget.value })} />
        </>
      )}
      <section aria-label={t('sendEmail.preview')}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
          {t('sendEmail.preview')}
        </Text>
        <Paper withBorder radius="md" p="sm" bg="gray.0" mih={120}>
          {preview.isPending && preview.fetchStatus === 'fetching' && <Skeleton height={80} />}
          {preview.isPending && preview.fetchStatus === 'idle' && (
            <Text size="sm" c="dimmed">
              {t('sendEmail.previewEmpty')}
            </Text>
          )}
          {preview.isError && <SendRefusalAlert error={preview.error} />}
          {preview.data && (
            <Stack gap={6} style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
              <Text size="sm" fw={600}>
                {preview.data.subject}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.data.body}
              </Text>
            </Stack>
          )}
        </Paper>
      </section>
      {send.isError && <SendRefusalAlert error={send.error} onClose={() => send.reset()} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending} disabled={!canSend} onClick={() => send.mutate(draft)}>
          {t('sendEmail.send')}
        </Button>
      </Group>
    </Stack>
  );
}
