import type { CustomerKind } from '@contracts/customers.ts';
import { SegmentedControl } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

/** All customers, only people or only organisations. */
export function KindFilter({ value, onChange }: { value: CustomerKind | null; onChange: (kind: CustomerKind | null) => void }) {
  const t = useT();
  return (
    <SegmentedControl
      aria-label={t('customers.kindFilter.label')}
      value={value ?? 'all'}
      onChange={(next) => onChange(next === 'all' ? null : (next as CustomerKind))}
      data={[
        { value: 'all', label: t('customers.kindFilter.all') },
        { value: 'person', label: t('customers.kindFilter.people') },
        { value: 'organisation', label: t('customers.kindFilter.organisations') },
      ]}
    />
  );
}
