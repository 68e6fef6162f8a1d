import type { Locale } from '@contracts/common.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { emailApi, type BulkEmail, type EmailPurpose, type SendEmail } from '../../api/emailApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export interface EmailDraft {
  purpose: EmailPurpose;
  locale: Locale | '';
  subject: string;
  body: string;
}

/** The request for a draft: own words only for a custom email, the customer's language when none is picked. */
export function sendInput(draft: EmailDraft): SendEmail {
  return {
    purpose: draft.purpose,
    ...(draft.locale && { locale: draft.locale }),
    ...(draft.purpose === 'custom' && { subject: draft.subject.trim(), body: draft.body.trim() }),
  };
}

/** The email as the customer would get it; renders only, queues nothing. */
export function useEmailPreview(customerId: string, draft: EmailDraft, enabled: boolean) {
  const input = sendInput(draft);
  return useQuery({
    queryKey: ['email', 'preview', customerId, input],
    queryFn: () => emailApi.send(customerId, { ...input, preview: true }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Sending changes the timeline (an email entry), the outbox and the win-back queue. */
function useInvalidateSent() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryKeys.customers, ['email', 'outbox']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSendEmail(customerId: string) {
  const invalidate = useInvalidateSent();
  return useMutation({ mutationFn: (draft: EmailDraft) => emailApi.send(customerId, sendInput(draft)), onSuccess: invalidate });
}

export function useBulkEmail() {
  const invalidate = useInvalidateSent();
  return useMutation({ mutationFn: (input: BulkEmail) => emailApi.bulk(input), onSuccess: invalidate });
}
