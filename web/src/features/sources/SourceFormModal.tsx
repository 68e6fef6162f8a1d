import { createSourceSchema } from '@contracts/sources.ts';
import { Autocomplete, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SourceWithCount } from '../../api/sourcesApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from './CodedErrorAlert.tsx';
import { useFormErrors } from './codedErrors.ts';
import { SOURCE_ERRORS } from './sourceErrors.ts';
import { useCreateSource, useUpdateSource } from './useSources.ts';

const PATHS = ['channel', 'name'];

interface SourceFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The source to rename or move; null to add one. */
  source: SourceWithCount | null;
  /** The channel a new source goes in, when added from a channel's row. */
  channel?: string;
  channels: readonly string[];
}

/** Adds a source, or renames one or moves it to another channel (a new channel name makes a new channel). */
export function SourceFormModal({ opened, onClose, source, channel, channels }: SourceFormModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t(source ? 'sourcesSettings.editTitle' : 'sourcesSettings.addTitle')} centered>
      {opened && <SourceForm source={source} channel={channel} channels={channels} onDone={onClose} />}
    </Modal>
  );
}

function SourceForm({ source, channel: initialChannel, channels, onDone }: { source: SourceWithCount | null; channel?: string | undefined; channels: readonly string[]; onDone: () => void }) {
  const t = useT();
  const create = useCreateSource();
  const update = useUpdateSource();
  const errors = useFormErrors(SOURCE_ERRORS);
  const [channel, setChannel] = useState(source?.channel ?? initialChannel ?? '');
  const [name, setName] = useState(source?.name ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = errors.check(createSourceSchema, { channel, name }, PATHS);
    if (!input) return;
    const onError = (error: unknown) => errors.showError(error, PATHS);
    if (source) update.mutate({ sourceId: source.id, patch: input }, { onSuccess: onDone, onError });
    else create.mutate(input, { onSuccess: onDone, onError });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {errors.formError !== null && <CodedErrorAlert error={errors.formError} keys={SOURCE_ERRORS} />}
        <Autocomplete
          label={t('sourcesSettings.channel')}
          description={t('sourcesSettings.channelHint')}
          required
          data={[...channels]}
          value={channel}
          onChange={setChannel}
          error={errors.errorAt('channel')}
          comboboxProps={{ withinPortal: true }}
          data-autofocus={source || initialChannel ? undefined : true}
        />
        <TextInput
          label={t('sourcesSettings.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.errorAt('name')}
          data-autofocus={source || initialChannel ? true : undefined}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t(source ? 'common.save' : 'sourcesSettings.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
