import { createApiKeySchema, type CreateApiKey, type CreatedApiKey } from '@contracts/api-keys.ts';
import { Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { NewApiKeyToken } from './NewApiKeyToken.tsx';
import { useCreateApiKey } from './useApiKeys.ts';

/** Creates a key, then shows its secret once. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t(created ? 'apiKeys.created.title' : 'apiKeys.create.title')}
      centered
      size="lg"
      // The secret is shown once: do not lose it to a stray click outside.
      closeOnClickOutside={!created}
    >
      {opened && (created ? <NewApiKeyToken apiKey={created} onDone={close} /> : <CreateApiKeyForm onCreated={setCreated} onCancel={close} />)}
    </Modal>
  );
}

function CreateApiKeyForm({ onCreated, onCancel }: { onCreated: (key: CreatedApiKey) => void; onCancel: () => void }) {
  const t = useT();
  const create = useCreateApiKey();
  const form = useZodForm(createApiKeySchema, { name: '', scope: 'read' } as CreateApiKey);

  return (
    <form noValidate onSubmit={form.onSubmit((input) => create.mutate(input, { onSuccess: onCreated, onError: form.showError }))}>
      <Stack gap="md">
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <TextInput
          label={t('apiKeys.create.name')}
          description={t('apiKeys.create.nameHint')}
          required
          data-autofocus
          {...form.textProps('name')}
        />
        <Radio.Group
          label={t('apiKeys.create.scope')}
          value={form.values.scope}
          onChange={(scope) => form.setValue('scope', scope as CreateApiKey['scope'])}
          error={form.errorOf('scope')}
        >
          <Stack gap="sm" mt={8}>
            <Radio value="read" label={t('apiKeys.scope.read')} description={t('apiKeys.create.readHint')} />
            <Radio value="read_write" label={t('apiKeys.scope.read_write')} description={t('apiKeys.create.readWriteHint')} />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('apiKeys.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
