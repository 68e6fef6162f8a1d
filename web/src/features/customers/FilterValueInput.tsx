import type { CustomerRef } from '@contracts/customers.ts';
import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useSession } from '../auth/useSession.ts';
import { useCampaigns } from '../campaigns/useCampaigns.ts';
import { groupByChannel, sourceOptions } from '../sources/sourceGroups.ts';
import { useSources } from '../sources/useSources.ts';
import { useTags } from '../tags/useTags.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import type { FilterField, FilterOp } from './filterModel.ts';

interface FilterValueInputProps {
  field: FilterField;
  op: FilterOp;
  value: string | string[];
  onChange: (value: string | string[]) => void;
}

/** The value box of the filter builder, shaped by the field's type. */
export function FilterValueInput({ field, op, value, onChange }: FilterValueInputProps) {
  const t = useT();
  const { workspace } = useSession();
  const tags = useTags();
  const sources = useSources();
  const campaigns = useCampaigns();
  const [organisation, setOrganisation] = useState<CustomerRef | null>(null);
  const label = t('filters.value');
  const text = Array.isArray(value) ? (value[0] ?? '') : value;
  const select = (data: ({ value: string; label: string } | { group: string; items: { value: string; label: string }[] })[]) =>
    op === 'in' ? (
      <MultiSelect label={label} data={data} value={Array.isArray(value) ? value : []} onChange={onChange} searchable comboboxProps={{ withinPortal: false }} />
    ) : (
      <Select label={label} data={data} value={text || null} onChange={(next) => onChange(next ?? '')} searchable comboboxProps={{ withinPortal: false }} />
    );

  switch (field.type) {
    case 'kind':
      return select([
        { value: 'person', label: t('customers.kind.person') },
        { value: 'organisation', label: t('customers.kind.organisation') },
      ]);
    case 'boolean':
      return select([
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ]);
    case 'tag':
      return select((tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name })));
    case 'choice':
    case 'multichoice':
      if (field.choices) return select(field.choices.values.map((choice) => ({ value: choice, label: t(field.choices!.labelKey(choice)) })));
      return select((field.attribute?.options ?? []).map((option) => ({ value: option.id, label: option.label })));
    case 'source':
      return select(sourceOptions(sources.data ?? []));
    case 'channel':
      return select(groupByChannel(sources.data ?? []).map((group) => ({ value: group.channel, label: group.channel })));
    case 'campaign':
      return select((campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name })));
    case 'organisation':
    case 'customer':
      return (
        <CustomerPicker
          label={label}
          kind={field.type === 'organisation' ? 'organisation' : undefined}
          value={organisation}
          onChange={(ref) => {
            setOrganisation(ref);
            onChange(ref?.id ?? '');
          }}
          comboboxProps={{ withinPortal: false }}
        />
      );
    case 'day':
    case 'instant':
      return <TextInput type="date" label={label} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
    default:
      return (
        <TextInput
          label={label}
          value={text}
          inputMode={field.type === 'text' ? undefined : 'decimal'}
          description={field.type === 'money' ? t('filters.moneyHint', { currency: workspace.baseCurrency }) : field.type === 'percent' ? t('filters.percentHint') : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
