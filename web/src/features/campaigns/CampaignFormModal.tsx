import { campaignInputSchema, campaignPatchSchema } from '@contracts/campaigns.ts';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CampaignDetail } from '../../api/campaignsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { useSession } from '../auth/useSession.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { useFormErrors } from '../sources/codedErrors.ts';
import { SourceSelect } from '../sources/SourceSelect.tsx';
import { CAMPAIGN_ERRORS } from './campaignErrors.ts';
import { costInputs, newCostRow, type CostRow } from './costLines.ts';
import { CostLinesEditor } from './CostLinesEditor.tsx';
import { useCreateCampaign, useUpdateCampaign } from './useCampaigns.ts';

interface CampaignFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The campaign to change; null to create one. */
  campaign: CampaignDetail | null;
}

/** Creates a campaign (with its first cost lines), or changes its name, source, dates and notes. */
export function CampaignFormModal({ opened, onClose, campaign }: CampaignFormModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t(campaign ? 'campaigns.form.editTitle' : 'campaigns.form.addTitle')} centered size="xl">
      {opened && <CampaignForm campaign={campaign} onDone={onClose} />}
    </Modal>
  );
}

function CampaignForm({ campaign, onDone }: { campaign: CampaignDetail | null; onDone: () => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const currency = useSession().workspace.baseCurrency;
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const errors = useFormErrors(CAMPAIGN_ERRORS);
  const [name, setName] = useState(campaign?.name ?? '');
  const [sourceId, setSourceId] = useState<string | null>(campaign?.sourceId ?? null);
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [notes, setNotes] = useState(campaign?.notes ?? '');
  const [costs, setCosts] = useState<CostRow[]>(() => [newCostRow(currency)]);
  const { lines, issues: costIssues } = costInputs(costs, currencyFractionDigits(currency), locale);
  const paths = ['name', 'sourceId', 'startsOn', 'endsOn', 'notes', ...lines.flatMap((_, index) => ['spentOn', 'amountMinor', 'currency', 'description'].map((field) => `costs.${index}.${field}`))];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { name, sourceId, startsOn: startsOn || null, endsOn: endsOn || null, notes: notes.trim() || null };
    const onError = (error: unknown) => errors.showError(error, paths, { currency });
    if (campaign) {
      if (errors.check(campaignPatchSchema, fields, paths)) update.mutate({ campaignId: campaign.id, patch: fields }, { onSuccess: onDone, onError });
      return;
    }
    const input = { ...fields, costs: lines };
    if (!errors.check(campaignInputSchema, input, paths, costIssues)) return;
    create.mutate(input, { onSuccess: (created) => void navigate(`/campaigns/${encodeURIComponent(created.id)}`), onError });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {errors.formError !== null && <CodedErrorAlert error={errors.formError} keys={CAMPAIGN_ERRORS} />}
        <Group grow align="flex-start">
          <TextInput label={t('campaigns.form.name')} description={t('campaigns.form.nameHint')} required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.errorAt('name')} />
          <SourceSelect label={t('campaigns.form.source')} description={t('campaigns.form.sourceHint')} placeholder={t('campaigns.form.noSource')} clearable value={sourceId} onChange={setSourceId} error={errors.errorAt('sourceId')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('campaigns.form.startsOn')} value={startsOn} onChange={(event) => setStartsOn(event.currentTarget.value)} error={errors.errorAt('startsOn')} />
          <TextInput type="date" label={t('campaigns.form.endsOn')} value={endsOn} min={startsOn || undefined} onChange={(event) => setEndsOn(event.currentTarget.value)} error={errors.errorAt('endsOn')} />
        </Group>
        <Textarea label={t('campaigns.form.notes')} autosize minRows={2} maxRows={6} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={errors.errorAt('notes')} />
        {campaign ? (
          <Alert variant="light" color="gray">
            {t('campaigns.form.costsOnPage')}
          </Alert>
        ) : (
          <CostLinesEditor rows={costs} onChange={setCosts} currency={currency} errorAt={errors.errorAt} />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t(campaign ? 'common.save' : 'campaigns.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
