import { codeBatchInputSchema, couponCodeInputSchema } from '@contracts/campaigns.ts';
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CodeOutcome } from '../../api/campaignsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { useFormErrors } from '../sources/codedErrors.ts';
import { CAMPAIGN_ERRORS } from './campaignErrors.ts';
import { parseCodeList } from './codeList.ts';
import { useAddCode, useAddCodeBatch } from './useCampaigns.ts';

export type AddCodesMode = 'single' | 'generate' | 'list';
const MODES: readonly AddCodesMode[] = ['single', 'generate', 'list'];

interface AddCodesModalProps {
  campaignId: string;
  opened: boolean;
  onClose: () => void;
  /** What adding did: the codes added and earlier purchases linked to them. */
  onAdded: (outcome: CodeOutcome) => void;
}

/** Adds coupon codes: one typed in, a batch generated (how many, with what prefix), or a list pasted from elsewhere. */
export function AddCodesModal({ campaignId, opened, onClose, onAdded }: AddCodesModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.codes.addTitle')} centered size="lg">
      {opened && <AddCodesForm campaignId={campaignId} onDone={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function AddCodesForm({ campaignId, onDone, onAdded }: { campaignId: string; onDone: () => void; onAdded: (outcome: CodeOutcome) => void }) {
  const t = useT();
  const addOne = useAddCode();
  const addBatch = useAddCodeBatch();
  const errors = useFormErrors(CAMPAIGN_ERRORS);
  const [mode, setMode] = useState<AddCodesMode>('single');
  const [code, setCode] = useState('');
  const [count, setCount] = useState<number | string>(100);
  const [prefix, setPrefix] = useState('');
  const [list, setList] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [maxUses, setMaxUses] = useState<number | string>('');
  const codes = parseCodeList(list);
  const window = { validFrom: validFrom || null, validUntil: validUntil || null, maxUses: typeof maxUses === 'number' ? maxUses : null };
  // A single code's window problems come back under `codes.0.…`, a batch's under `validUntil`, `codes.<n>`…
  const paths = ['code', 'count', 'prefix', 'codes', 'validFrom', 'validUntil', 'maxUses', 'codes.0.validUntil'];
  const validUntilError = errors.errorAt('validUntil') ?? errors.errorAt('codes.0.validUntil');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = { onSuccess: (outcome: CodeOutcome) => (onAdded(outcome), onDone()), onError: (error: unknown) => errors.showError(error, paths, undefined, mode === 'single' ? 'code' : mode === 'list' ? 'codes' : undefined) };
    if (mode === 'single') {
      const input = { code, ...window };
      if (errors.check(couponCodeInputSchema, input, paths)) addOne.mutate({ campaignId, code: input }, done);
      return;
    }
    const batch = mode === 'generate' ? { count: typeof count === 'number' ? count : Number.NaN, ...(prefix.trim() && { prefix: prefix.trim() }), ...window } : { codes, ...window };
    const found = mode === 'list' && codes.length === 0 ? [{ path: 'codes', code: 'required', message: 'Required' }] : [];
    if (errors.check(codeBatchInputSchema, batch, paths, found)) addBatch.mutate({ campaignId, batch }, done);
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <SegmentedControl value={mode} onChange={(value) => setMode(value as AddCodesMode)} data={MODES.map((value) => ({ value, label: t(`campaigns.codes.modes.${value}`) }))} fullWidth />
        {errors.formError !== null && <CodedErrorAlert error={errors.formError} keys={CAMPAIGN_ERRORS} />}
        {mode === 'single' && (
          <TextInput label={t('campaigns.codes.code')} description={t('campaigns.codes.codeHint')} required data-autofocus value={code} onChange={(event) => setCode(event.currentTarget.value)} error={errors.errorAt('code')} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
        )}
        {mode === 'generate' && (
          <Group grow align="flex-start">
            <NumberInput label={t('campaigns.codes.count')} required min={1} max={10_000} allowDecimal={false} value={count} onChange={setCount} error={errors.errorAt('count')} />
            <TextInput label={t('campaigns.codes.prefix')} description={t('campaigns.codes.prefixHint')} value={prefix} onChange={(event) => setPrefix(event.currentTarget.value)} error={errors.errorAt('prefix')} />
          </Group>
        )}
        {mode === 'list' && (
          <Textarea
            label={t('campaigns.codes.list')}
            description={t('campaigns.codes.listHint')}
            required
            autosize
            minRows={4}
            maxRows={10}
            value={list}
            onChange={(event) => setList(event.currentTarget.value)}
            error={errors.errorAt('codes')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        )}
        {mode === 'list' && codes.length > 0 && (
          <Text size="xs" c="dimmed" mt={-8}>
            {t('campaigns.codes.listCount', { count: codes.length })}
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput type="date" label={t('campaigns.codes.validFrom')} value={validFrom} onChange={(event) => setValidFrom(event.currentTarget.value)} error={errors.errorAt('validFrom')} />
          <TextInput type="date" label={t('campaigns.codes.validUntil')} value={validUntil} min={validFrom || undefined} onChange={(event) => setValidUntil(event.currentTarget.value)} error={validUntilError} />
          <NumberInput label={t('campaigns.codes.maxUses')} description={t('campaigns.codes.maxUsesHint')} min={1} allowDecimal={false} value={maxUses} onChange={setMaxUses} error={errors.errorAt('maxUses')} />
        </Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={addOne.isPending || addBatch.isPending}>
            {t(`campaigns.codes.submit.${mode}`, { count: mode === 'list' ? codes.length : typeof count === 'number' ? count : 0 })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
