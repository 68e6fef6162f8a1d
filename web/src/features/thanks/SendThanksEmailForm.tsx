import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { thanksApi, type ThanksEmail } from '../../api/thanksApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ThanksEmailError } from './ThanksEmailError.tsx';
import { useSendThanksEmail } from './useThanks.ts';

/** The thank-you email as the customer will get it, then "Send": it is queued and logged as a thank-you by email. */
export function SendThanksEmailForm({ customerId, thankYou, onDone }: { customerId: string; thankYou: ThanksEmail; onDone: () => void }) {
  const t = useT();
  const preview = useQuery({
    queryKey: queryKeys.thanksEmailPreview(customerId, thankYou.occasion),
    queryFn: () => thanksApi.previewEmail(customerId, thankYou),
    gcTime: 0,
    retry: false,
  });
  const send = useSendThanksEmail(customerId);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('thanks.email.intro')}</Text>
      {preview.isPending && <Skeleton height={160} radius="sm" />}
      {preview.isError && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && (
        <Paper withBorder radius="md" p="md" aria-label={t('thanks.email.preview')} component="section">
          <Text size="xs" c="dimmed">{t('thanks.email.subject')}</Text>
          <Text fw={600} mb="sm" style={{ overflowWrap: 'anywhere' }}>{preview.data.subject}</Text>
          {/* Rendered text, never HTML. */}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{preview.data.body}</Text>
        </Paper>
      )}
      {send.error && <ThanksEmailError error={send.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button leftSection={<IconSend size={16} aria-hidden />} disabled={!preview.data} loading={send.isPending} onClick={() => send.mutate(thankYou, { onSuccess: onDone })}>
          {t('thanks.email.send')}
        </Button>
      </Group>
    </Stack>
  );
}
