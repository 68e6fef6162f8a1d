import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { CampaignDetail, CodeOutcome, CouponCode } from '../../api/campaignsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { AddCodesModal } from './AddCodesModal.tsx';
import { CAMPAIGN_ERRORS } from './campaignErrors.ts';
import { CodesTable } from './CodesTable.tsx';
import { useRemoveCode } from './useCampaigns.ts';

/** The campaign's coupon codes, how they were used, and the ways to add more. */
export function CodesPanel({ campaign, canWrite }: { campaign: CampaignDetail; canWrite: boolean }) {
  const t = useT();
  const remove = useRemoveCode();
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<CodeOutcome | null>(null);
  const [deleting, setDeleting] = useState<CouponCode | null>(null);
  const uses = campaign.codes.reduce((sum, code) => sum + code.uses, 0);
  const flagged = campaign.codes.reduce((sum, code) => sum + code.flagged, 0);
  const addButton = canWrite && (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
      {t('campaigns.codes.addButton')}
    </Button>
  );

  return (
    <Panel size="sm" title={t('campaigns.codes.title')} description={campaign.codes.length > 0 ? t('campaigns.codes.summary', { codes: campaign.codes.length, uses, count: flagged }) : undefined} actions={addButton}>
      <Stack gap="md">
        {outcome && <OutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}
        {campaign.codes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaigns.codes.none')}
          </Text>
        ) : (
          <CodesTable codes={campaign.codes} onDelete={canWrite ? setDeleting : undefined} />
        )}
      </Stack>
      <AddCodesModal campaignId={campaign.id} opened={adding} onClose={() => setAdding(false)} onAdded={setOutcome} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('campaigns.codes.delete.title', { code: deleting?.code ?? '' })}
        confirmLabel={t('campaigns.codes.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ campaignId: campaign.id, codeId: deleting.id }, { onSuccess: () => setDeleting(null) })}
      >
        <Text size="sm">{t('campaigns.codes.delete.text', { count: deleting?.uses ?? 0 })}</Text>
        {remove.isError && <CodedErrorAlert error={remove.error} keys={CAMPAIGN_ERRORS} />}
      </ConfirmModal>
    </Panel>
  );
}

/** What adding did: how many codes, how many earlier purchases already carried them, and codes on purchases no campaign has yet. */
function OutcomeAlert({ outcome, onClose }: { outcome: CodeOutcome; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const { linked } = outcome;
  const flaggedNow = linked.overLimit + linked.expired + linked.notYetValid;
  return (
    <Alert color="teal" variant="light" withCloseButton onClose={onClose} closeButtonLabel={t('common.close')} title={t('campaigns.codes.added', { count: outcome.added.length })}>
      {linked.redeemed > 0 ? t('campaigns.codes.linked', { count: linked.redeemed, flagged: flaggedNow }) : t('campaigns.codes.noneLinked')}
      {linked.unknown.length > 0 && (
        <Text size="sm" mt={4}>
          {t('campaigns.codes.unknown', { count: linked.unknown.length, codes: linked.unknown.slice(0, 5).map((entry) => `${entry.code} (${format.number(entry.purchases)})`).join(', ') })}
        </Text>
      )}
    </Alert>
  );
}
