import type { Attribute } from '@contracts/attributes.ts';
import type { Filter } from '@contracts/customers.ts';
import { Button, Group, Popover, Select, Stack } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useSession } from '../auth/useSession.ts';
import { ACQUISITION_FILTER_FIELDS, BASE_FILTER_FIELDS, buildFilter, fieldOf, filterFields, needsValue, OPS_BY_TYPE, opKey, VALUE_FILTER_FIELDS, type FilterOp } from './filterModel.ts';
import { FilterValueInput } from './FilterValueInput.tsx';
import { useColumnLabel } from './useColumnLabel.ts';

interface AddFilterPopoverProps {
  attributes: readonly Attribute[];
  onAdd: (filter: Filter) => void;
}

/** "Add filter": pick a field (any built-in field or attribute), a comparison and a value. */
export function AddFilterPopover({ attributes, onAdd }: AddFilterPopoverProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={320} shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilterPlus size={16} aria-hidden />} onClick={() => setOpened((open) => !open)} aria-expanded={opened}>
          {t('filters.add')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('filters.add')}>
        {opened && (
          <FilterForm
            attributes={attributes}
            onAdd={(filter) => {
              onAdd(filter);
              setOpened(false);
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function FilterForm({ attributes, onAdd }: AddFilterPopoverProps) {
  const { t, locale } = useI18n();
  const { workspace } = useSession();
  const label = useColumnLabel(attributes);
  const fields = filterFields(attributes);
  const [fieldKey, setFieldKey] = useState(BASE_FILTER_FIELDS[1]!.key);
  const field = fieldOf(fieldKey, fields);
  const ops = OPS_BY_TYPE[field.type];
  const [op, setOp] = useState<FilterOp>(ops[0]!);
  const [value, setValue] = useState<string | string[]>('');
  const filter = buildFilter(field, op, value, { currency: workspace.baseCurrency, locale });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (filter) onAdd(filter);
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label={t('filters.field')}
          data={[
            { group: t('filters.fieldsGroup'), items: BASE_FILTER_FIELDS.map(({ key }) => ({ value: key, label: label(key) })) },
            { group: t('filters.valueGroup'), items: VALUE_FILTER_FIELDS.map(({ key }) => ({ value: key, label: label(key) })) },
            { group: t('filters.acquisitionGroup'), items: ACQUISITION_FILTER_FIELDS.map(({ key }) => ({ value: key, label: label(key) })) },
            ...(attributes.length > 0 ? [{ group: t('filters.attributesGroup'), items: attributes.map((a) => ({ value: `attr.${a.key}`, label: a.label })) }] : []),
          ]}
          value={fieldKey}
          allowDeselect={false}
          searchable
          openOnFocus={false}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
          onChange={(next) => {
            if (!next) return;
            setFieldKey(next);
            setOp(OPS_BY_TYPE[fieldOf(next, fields).type][0]!);
            setValue('');
          }}
        />
        <Select
          label={t('filters.op')}
          data={ops.map((candidate) => ({ value: candidate, label: t(`filters.ops.${opKey(field.type, candidate)}`) }))}
          value={op}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          onChange={(next) => {
            setOp((next as FilterOp | null) ?? op);
            setValue(next === 'in' ? [] : '');
          }}
        />
        {needsValue(op) && <FilterValueInput key={`${fieldKey}-${op === 'in'}`} field={field} op={op} value={value} onChange={setValue} />}
        <Group justify="flex-end">
          <Button type="submit" disabled={!filter}>
            {t('filters.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
