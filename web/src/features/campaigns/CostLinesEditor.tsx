import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { CostCurrencySelect } from './CostCurrencySelect.tsx';
import { costRowPaths, newCostRow, type CostRow } from './costLines.ts';

interface CostLinesEditorProps {
  rows: readonly CostRow[];
  onChange: (rows: CostRow[]) => void;
  /** The workspace currency, each new line's. */
  currency: string;
  errorAt: (path: string) => string | undefined;
}

/** Cost lines as rows of date, amount, currency and what it was for; a line can be added or removed. */
export function CostLinesEditor({ rows, onChange, currency, errorAt }: CostLinesEditorProps) {
  const t = useT();
  const paths = costRowPaths(rows);
  const set = (key: string, patch: Partial<CostRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const at = (row: CostRow, field: string) => {
    const index = paths.get(row.key);
    return index === undefined ? undefined : errorAt(`costs.${index}.${field}`);
  };

  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          {t('campaigns.costs.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('campaigns.costs.hint', { currency })}
        </Text>
      </div>
      {rows.map((row, index) => {
        // The currency's message is a sentence: it goes under the whole line, not in the narrow column.
        const currencyError = at(row, 'currency');
        return (
          <Stack key={row.key} gap={4}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput type="date" w={150} label={t('campaigns.costs.date')} labelProps={{ hidden: index > 0 }} value={row.spentOn} onChange={(event) => set(row.key, { spentOn: event.currentTarget.value })} error={at(row, 'spentOn')} />
              <TextInput w={120} inputMode="decimal" label={t('campaigns.costs.amount')} labelProps={{ hidden: index > 0 }} value={row.amount} onChange={(event) => set(row.key, { amount: event.currentTarget.value })} error={at(row, 'amountMinor')} />
              <CostCurrencySelect w={96} label={t('campaigns.costs.currency')} labelProps={{ hidden: index > 0 }} value={row.currency} onChange={(next) => set(row.key, { currency: next })} error={currencyError !== undefined} aria-describedby={currencyError ? `${row.key}-currency` : undefined} />
              <TextInput style={{ flex: 1 }} label={t('campaigns.costs.description')} labelProps={{ hidden: index > 0 }} placeholder={t('campaigns.costs.descriptionPlaceholder')} value={row.description} onChange={(event) => set(row.key, { description: event.currentTarget.value })} error={at(row, 'description')} />
              <ActionIcon variant="subtle" color="gray" mt={index === 0 ? 30 : 6} aria-label={t('campaigns.costs.remove')} onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            {currencyError && (
              <Text id={`${row.key}-currency`} size="xs" c="red" role="alert">
                {currencyError}
              </Text>
            )}
          </Stack>
        );
      })}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, newCostRow(currency)])}>
          {t('campaigns.costs.add')}
        </Button>
      </Group>
    </Stack>
  );
}
