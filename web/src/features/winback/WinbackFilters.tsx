import { Group, SegmentedControl, Switch } from '@mantine/core';
import type { WinbackFilter } from '../../api/winbackApi.ts';
import { useT } from '../../i18n/i18nContext.ts';

/** Tier, lapse state, and whether to hide those someone contacted in the last 14 days. */
export function WinbackFilters({ filter, onChange }: { filter: WinbackFilter; onChange: (filter: WinbackFilter) => void }) {
  const t = useT();
  return (
    <Group gap="md" align="center">
      <SegmentedControl
        size="xs"
        aria-label={t('winback.filters.tier')}
        value={filter.tier ?? 'all'}
        onChange={(value) => onChange({ ...filter, tier: value === 'all' ? undefined : (value as WinbackFilter['tier']) })}
        data={[
          { value: 'all', label: t('winback.filters.allTiers') },
          { value: 'gold', label: t('value.tier.gold') },
          { value: 'silver', label: t('value.tier.silver') },
        ]}
      />
      <SegmentedControl
        size="xs"
        aria-label={t('winback.filters.state')}
        value={filter.state ?? 'all'}
        onChange={(value) => onChange({ ...filter, state: value === 'all' ? undefined : (value as WinbackFilter['state']) })}
        data={[
          { value: 'all', label: t('winback.filters.allStates') },
          { value: 'at_risk', label: t('value.lapse.at_risk') },
          { value: 'lapsed', label: t('value.lapse.lapsed') },
        ]}
      />
      <Switch
        size="sm"
        label={t('winback.filters.hideContacted')}
        checked={filter.hideContacted}
        onChange={(event) => onChange({ ...filter, hideContacted: event.currentTarget.checked })}
      />
    </Group>
  );
}
