import type { Filter } from '@contracts/customers.ts';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useAttributes } from '../attributes/useAttributes.ts';
import { useSession } from '../auth/useSession.ts';
import { useCampaigns } from '../campaigns/useCampaigns.ts';
import { useSources } from '../sources/useSources.ts';
import { useTags } from '../tags/useTags.ts';
import type { FilterTextLookups } from './filterText.ts';

const seenNames = new Map<string, string>();

/**
 * What converting chips to text and back needs: the workspace currency, its attributes, tags,
 * sources and campaigns, and the names of the organisations and customers chips point at
 * (remembered, so that a name written into the text turns back into its chip).
 */
export function useFilterTextLookups(filters: readonly Filter[]): FilterTextLookups {
  const { workspace } = useSession();
  const attributes = useAttributes();
  const tags = useTags();
  const sources = useSources();
  const campaigns = useCampaigns();
  const ids = [...new Set(filters.filter((f) => (f.field === 'organisation' || f.field === 'referredBy') && typeof f.value === 'string').map((f) => f.value as string))];
  const people = useQueries({
    queries: ids.map((id) => ({ queryKey: queryKeys.customer(id), queryFn: ({ signal }: { signal: AbortSignal }) => api.customers.get(id, signal) })),
  });
  // Remembered beyond the chips they came from, so that a name written into the text turns back into its chip.
  for (const person of people) if (person.data) seenNames.set(person.data.id, person.data.displayName);
  return {
    currency: workspace.baseCurrency,
    attributes: attributes.data ?? [],
    tags: tags.data ?? [],
    sources: sources.data ?? [],
    campaigns: campaigns.data ?? [],
    customers: Object.fromEntries(seenNames),
  };
}
