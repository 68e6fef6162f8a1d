import { ActionIcon, Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAttributes } from '../attributes/useAttributes.ts';
import { MAX_DATE_ATTRIBUTES, type DateAttributeRow } from './rulesForm.ts';

interface DateAttributeRulesProps {
  rows: DateAttributeRow[];
  editable: boolean;
  errorAt: (index: number) => string | undefined;
  /** The new list, and which row changed (its problem then clears). */
  onChange: (rows: DateAttributeRow[], index?: number) => void;
}

/** The workspace's date attributes marked "remind me": which one, how many days before, every year or once. */
export function DateAttributeRules({ rows, editable, errorAt, onChange }: DateAttributeRulesProps) {
  const t = useT();
  const attributes = useAttributes();
  const dates = (attributes.data ?? []).filter((attribute) => attribute.type === 'date');
  const unused = dates.filter((attribute) => !rows.some((row) => row.attributeId === attribute.id));
  const update = (index: number, patch: Partial<DateAttributeRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)), index);
  const nameOf = (attributeId: string) => dates.find((attribute) => attribute.id === attributeId)?.label ?? t('followUps.rules.dates.unknown');

  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Text size="sm" fw={600}>{t('followUps.rules.dates.title')}</Text>
        <Text size="xs" c="dimmed">{t('followUps.rules.dates.hint')}</Text>
      </Stack>
      {attributes.isError && <ErrorAlert error={attributes.error} onRetry={() => void attributes.refetch()} />}
      {attributes.data && dates.length === 0 && (
        <Alert variant="light" color="gray">
          <Text size="sm">{t('followUps.rules.dates.noAttributes')}</Text>
          <Button component={Link} to="/settings/attributes" variant="subtle" size="compact-sm" mt={4} px={0}>{t('followUps.rules.dates.toAttributes')}</Button>
        </Alert>
      )}
      {rows.length === 0 && dates.length > 0 && <Text size="sm" c="dimmed">{t('followUps.rules.dates.none')}</Text>}
      {rows.map((row, index) => (
        <Group key={`${row.attributeId}-${index}`} gap="sm" align="flex-end" wrap="wrap">
          <Select
            w={220}
            label={t('followUps.rules.dates.attribute')}
            allowDeselect={false}
            disabled={!editable}
            data={[...dates.filter((attribute) => attribute.id === row.attributeId || unused.includes(attribute)).map((attribute) => ({ value: attribute.id, label: attribute.label })),
              ...(dates.some((attribute) => attribute.id === row.attributeId) ? [] : [{ value: row.attributeId, label: nameOf(row.attributeId) }])]}
            value={row.attributeId}
            onChange={(attributeId) => attributeId && update(index, { attributeId })}
          />
          <TextInput
            w={140}
            label={t('followUps.rules.dates.daysBefore')}
            inputMode="numeric"
            disabled={!editable}
            value={row.daysBefore}
            onChange={(event) => update(index, { daysBefore: event.currentTarget.value })}
            error={errorAt(index)}
            rightSection={<Text size="xs" c="dimmed" pr={6}>{t('followUps.rules.units.days')}</Text>}
            rightSectionWidth={56}
            rightSectionPointerEvents="none"
          />
          <SegmentedControl
            disabled={!editable}
            aria-label={t('followUps.rules.dates.repeat')}
            data={[{ value: 'yearly', label: t('followUps.rules.dates.yearly') }, { value: 'once', label: t('followUps.rules.dates.once') }]}
            value={row.yearly ? 'yearly' : 'once'}
            onChange={(value) => update(index, { yearly: value === 'yearly' })}
            mb={errorAt(index) ? 22 : 0}
          />
          {editable && (
            <ActionIcon variant="subtle" color="gray" size="lg" mb={errorAt(index) ? 22 : 0} aria-label={t('followUps.rules.dates.remove', { name: nameOf(row.attributeId) })} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && unused.length > 0 && rows.length < MAX_DATE_ATTRIBUTES && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, { attributeId: unused[0]!.id, daysBefore: '7', yearly: true }])}>
            {t('followUps.rules.dates.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
