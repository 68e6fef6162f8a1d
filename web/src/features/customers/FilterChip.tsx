import type { Filter } from '@contracts/customers.ts';
import { Pill } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useSession } from '../auth/useSession.ts';
import { useCampaigns } from '../campaigns/useCampaigns.ts';
import { useSources } from '../sources/useSources.ts';
import { useTags } from '../tags/useTags.ts';
import { opKey, type FilterField } from './filterModel.ts';

interface FilterChipProps {
  filter: Filter;
  field: FilterField;
  fieldLabel: string;
  onRemove: () => void;
}

/** One active filter, in words ("City contains Berlin"), with a button that removes it. */
export function FilterChip({ filter, field, fieldLabel, onRemove }: FilterChipProps) {
  const t = useT();
  const text = t(`filters.chips.${opKey(field.type, filter.op)}`, { field: fieldLabel, value: useValueText(filter, field) });
  return (
    <Pill
      size="md"
      withRemoveButton
      onRemove={onRemove}
      removeButtonProps={{ 'aria-label': t('filters.remove', { filter: text }) }}
      bg="indigo.0"
      c="indigo.9"
    >
      {text}
    </Pill>
  );
}

function useValueText(filter: Filter, field: FilterField): string {
  const t = useT();
  const format = useFormat();
  const { workspace } = useSession();
  const tags = useTags();
  const sources = useSources();
  const campaigns = useCampaigns();
  const organisationId = (field.type === 'organisation' || field.type === 'customer') && typeof filter.value === 'string' ? filter.value : null;
  const organisation = useQuery({
    queryKey: queryKeys.customer(organisationId ?? ''),
    queryFn: ({ signal }) => api.customers.get(organisationId ?? '', signal),
    enabled: organisationId !== null,
  });
  const { value } = filter;
  if (value === null || value === undefined) return '';
  const one = (item: string | number | boolean): string => {
    switch (field.type) {
      case 'kind':
        return t(`customers.kind.${String(item)}`);
      case 'tag':
        return tags.data?.find((tag) => tag.id === item)?.name ?? '…';
      case 'organisation':
      case 'customer':
        return organisation.data?.displayName ?? '…';
      case 'source': {
        const source = sources.data?.find((candidate) => candidate.id === item);
        return source ? `${source.channel} → ${source.name}` : '…';
      }
      case 'campaign':
        return campaigns.data?.find((campaign) => campaign.id === item)?.name ?? '…';
      case 'choice':
      case 'multichoice':
        if (field.choices) return t(field.choices.labelKey(String(item)));
        return field.attribute?.options.find((option) => option.id === item)?.label ?? String(item);
      case 'boolean':
        return t(item === true ? 'common.yes' : 'common.no');
      case 'money':
        return typeof item === 'number' ? format.money(item, workspace.baseCurrency) : String(item);
      case 'number':
        return typeof item === 'number' ? format.number(item) : String(item);
      case 'percent':
        return typeof item === 'number' ? format.percent(item, 1) : String(item);
      case 'day':
      case 'instant':
        return format.day(String(item));
      default:
        return t('filters.quoted', { text: String(item) });
    }
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}
