import { costLineInputSchema } from '@contracts/campaigns.ts';
import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { CampaignDetail } from '../../api/campaignsApi.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { Panel } from '../../ui/Panel.tsx';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { useFormErrors } from '../sources/codedErrors.ts';
import { CAMPAIGN_ERRORS } from './campaignErrors.ts';
import { CostCurrencySelect } from './CostCurrencySelect.tsx';
import { costInputs, newCostRow, type CostRow } from './costLines.ts';
import { useAddCost, useRemoveCost } from './useCampaigns.ts';

// Checked as the first line of a list, so that the client's paths are the server's (`costs.0.currency`).
const ONE_LINE = z.object({ costs: z.array(costLineInputSchema) });
const PATHS = ['costs.0.spentOn', 'costs.0.amountMinor', 'costs.0.currency', 'costs.0.description'];
const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** The campaign's cost lines, newest first, each removable, and a line to add one. */
export function CostsPanel({ campaign, canWrite }: { campaign: CampaignDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const remove = useRemoveCost();
  const lines = campaign.costs.toSorted((a, b) => b.spentOn.localeCompare(a.spentOn));
  return (
    <Panel size="sm" title={t('campaigns.costs.title')} description={t('campaigns.costs.panelHint', { currency: campaign.currency })}>
      <Stack gap="md">
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaigns.costs.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={6} aria-label={t('campaigns.costs.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('campaigns.costs.date')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.costs.description')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaigns.costs.amount')}
                  </Table.Th>
                  {canWrite && (
                    <Table.Th scope="col" w={48}>
                      <VisuallyHidden>{t('campaigns.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(line.spentOn)}</Table.Td>
                    <Table.Td>{line.description ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                    <Table.Td {...NUMBER}>{format.money(line.amountMinor, line.currency)}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('campaigns.costs.removeLine', { date: format.day(line.spentOn), amount: format.money(line.amountMinor, line.currency) })}
                          loading={remove.isPending && remove.variables.costId === line.id}
                          onClick={() => remove.mutate({ campaignId: campaign.id, costId: line.id })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row" colSpan={2}>
                    {t('campaigns.costs.total')}
                  </Table.Th>
                  <Table.Td {...NUMBER}>{format.money(campaign.costMinor, campaign.currency)}</Table.Td>
                  {canWrite && <Table.Td />}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
        {remove.isError && <CodedErrorAlert error={remove.error} keys={CAMPAIGN_ERRORS} />}
        {canWrite && <AddCostForm campaign={campaign} />}
      </Stack>
    </Panel>
  );
}

function AddCostForm({ campaign }: { campaign: CampaignDetail }) {
  const { t, locale } = useI18n();
  const add = useAddCost();
  const errors = useFormErrors(CAMPAIGN_ERRORS);
  const [row, setRow] = useState<CostRow>(() => newCostRow(campaign.currency));
  const set = (patch: Partial<CostRow>) => setRow((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { lines, issues } = costInputs([row], currencyFractionDigits(campaign.currency), locale);
    const line = lines[0] ?? { spentOn: '', amountMinor: 0 };
    const found = lines.length === 0 ? [{ path: 'costs.0.amountMinor', code: 'required', message: 'Required' }, { path: 'costs.0.spentOn', code: 'required', message: 'Required' }] : issues;
    if (!errors.check(ONE_LINE, { costs: [line] }, PATHS, found)) return;
    add.mutate(
      { campaignId: campaign.id, line },
      { onSuccess: () => setRow(newCostRow(campaign.currency)), onError: (error) => errors.showError(error, PATHS, { currency: campaign.currency }) },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('campaigns.costs.addTitle')}>
      <Stack gap="xs">
        {errors.formError !== null && <CodedErrorAlert error={errors.formError} keys={CAMPAIGN_ERRORS} />}
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput type="date" w={150} label={t('campaigns.costs.date')} value={row.spentOn} onChange={(event) => set({ spentOn: event.currentTarget.value })} error={errors.errorAt('costs.0.spentOn')} />
          <TextInput w={120} inputMode="decimal" label={t('campaigns.costs.amount')} value={row.amount} onChange={(event) => set({ amount: event.currentTarget.value })} error={errors.errorAt('costs.0.amountMinor')} />
          <CostCurrencySelect w={96} label={t('campaigns.costs.currency')} value={row.currency} onChange={(next) => set({ currency: next })} error={errors.errorAt('costs.0.currency') !== undefined} aria-describedby={errors.errorAt('costs.0.currency') ? `${row.key}-currency` : undefined} />
          <TextInput style={{ flex: 1, minWidth: 180 }} label={t('campaigns.costs.description')} placeholder={t('campaigns.costs.descriptionPlaceholder')} value={row.description} onChange={(event) => set({ description: event.currentTarget.value })} />
          <Button type="submit" mt={25} variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending}>
            {t('campaigns.costs.addButton')}
          </Button>
        </Group>
        {errors.errorAt('costs.0.currency') && (
          <Text id={`${row.key}-currency`} size="xs" c="red" role="alert" mt={-4}>
            {errors.errorAt('costs.0.currency')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
