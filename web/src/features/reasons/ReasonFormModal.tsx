import type { ReasonKind } from '@contracts/reasons.ts';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ReasonWithCount } from '../../api/reasonsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { REASON_ERRORS } from './reasonErrors.ts';
import { useCreateReason, useRenameReason } from './useReasons.ts';

/** Add a reason to a list, or rename one. */
export function ReasonFormModal({ opened, kind, reason, onClose }: { opened: boolean; kind: ReasonKind; reason: ReasonWithCount | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} centered title={reason ? t('reasons.settings.rename', { name: reason.name }) : t(`reasons.settings.${kind}.addTitle`)}>
      {opened && <ReasonForm key={reason?.id ?? kind} kind={kind} reason={reason} onDone={onClose} />}
    </Modal>
  );
}

function ReasonForm({ kind, reason, onDone }: { kind: ReasonKind; reason: ReasonWithCount | null; onDone: () => void }) {
  const t = useT();
  const create = useCreateReason();
  const rename = useRenameReason();
  const [name, setName] = useState(reason?.name ?? '');
  const [missing, setMissing] = useState(false);
  const error = reason ? rename.error : create.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMissing(true);
    if (reason) rename.mutate({ reasonId: reason.id, name: name.trim() }, { onSuccess: onDone });
    else create.mutate({ kind, name: name.trim() }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput data-autofocus label={t('reasons.settings.name')} value={name} maxLength={80} required onChange={(e) => { setName(e.currentTarget.value); setMissing(false); }} error={missing ? t('reasons.settings.nameRequired') : undefined} />
        {error && <CodedErrorAlert error={error} keys={REASON_ERRORS} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending || rename.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
