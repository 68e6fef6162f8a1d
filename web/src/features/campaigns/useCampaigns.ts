import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignsApi, type CampaignDetail, type CampaignInput, type CampaignPatch, type CodeBatchInput, type CostLineInput, type CouponCodeInput } from '../../api/campaignsApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export const useCampaigns = () => useQuery({ queryKey: queryKeys.campaigns, queryFn: ({ signal }) => campaignsApi.list(signal) });
export const useCampaign = (campaignId: string) => useQuery({ queryKey: queryKeys.campaign(campaignId), queryFn: ({ signal }) => campaignsApi.get(campaignId, signal) });
export const useRedemptions = (campaignId: string) =>
  useQuery({ queryKey: queryKeys.campaignRedemptions(campaignId), queryFn: ({ signal }) => campaignsApi.redemptions(campaignId, signal) });

/**
 * A campaign's costs and codes change the reports, and adding codes links purchases (and their
 * customers) to it: everything that shows them reloads. A detail the server sent back is kept at once.
 */
function useCampaignWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      const detail = result as Partial<CampaignDetail> | undefined;
      if (detail && typeof detail === 'object' && 'id' in detail && 'codes' in detail && detail.id) queryClient.setQueryData(queryKeys.campaign(detail.id), detail);
      return Promise.all([queryKeys.campaigns, queryKeys.reports, queryKeys.customers, queryKeys.sources].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreateCampaign = () => useCampaignWrite((input: CampaignInput) => campaignsApi.create(input));
export const useUpdateCampaign = () => useCampaignWrite(({ campaignId, patch }: { campaignId: string; patch: CampaignPatch }) => campaignsApi.update(campaignId, patch));

/** The deleted campaign's own page is left alone (it would only find it gone): the caller leaves it. */
export function useDeleteCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (campaignId: string) => campaignsApi.remove(campaignId),
    onSuccess: (_, campaignId) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaigns, predicate: (query) => query.queryKey[2] !== campaignId }),
        ...[queryKeys.reports, queryKeys.customers].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]),
  });
}
export const useAddCost = () => useCampaignWrite(({ campaignId, line }: { campaignId: string; line: CostLineInput }) => campaignsApi.addCost(campaignId, line));
export const useRemoveCost = () => useCampaignWrite(({ campaignId, costId }: { campaignId: string; costId: string }) => campaignsApi.removeCost(campaignId, costId));
export const useAddCode = () => useCampaignWrite(({ campaignId, code }: { campaignId: string; code: CouponCodeInput }) => campaignsApi.addCode(campaignId, code));
export const useAddCodeBatch = () => useCampaignWrite(({ campaignId, batch }: { campaignId: string; batch: CodeBatchInput }) => campaignsApi.addCodeBatch(campaignId, batch));
export const useRemoveCode = () => useCampaignWrite(({ campaignId, codeId }: { campaignId: string; codeId: string }) => campaignsApi.removeCode(campaignId, codeId));
