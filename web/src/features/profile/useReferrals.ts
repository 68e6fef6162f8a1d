import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { referralsApi, type SetReferrer } from '../../api/referralsApi.ts';

/** How many levels of whom they referred the profile shows; the server answers a change with six. */
export const REFERRAL_DEPTH = 6;

export function useReferrals(customerId: string) {
  return useQuery({ queryKey: queryKeys.referrals(customerId), queryFn: ({ signal }) => referralsApi.get(customerId, REFERRAL_DEPTH, signal) });
}

/** A new referrer changes this profile, the old and the new referrer's profiles, and the referrals report. */
export function useSetReferrer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetReferrer) => referralsApi.setReferrer(customerId, input),
    onSuccess: (referrals) => {
      queryClient.setQueryData(queryKeys.referrals(customerId), referrals);
      return Promise.all([queryKeys.customers, queryKeys.reports].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export function useCreateReferralCode(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => referralsApi.createCode(customerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.referrals(customerId) }),
  });
}
