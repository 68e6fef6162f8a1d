import { createViewSchema } from '@contracts/views.ts';
import type { ViewDefinition } from '@contracts/views.ts';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useCreateView } from './useViews.ts';

const nameAndSharing = createViewSchema.pick({ name: true, shared: true });

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  definition: ViewDefinition;
  onSaved: (viewId: string) => void;
}

/** Saves the list's columns, filters and sort under a name, for oneself or for everyone. */
export function SaveViewModal({ opened, onClose, definition, onSaved }: SaveViewModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('views.save.title')} centered>
      {opened && <SaveViewForm definition={definition} onDone={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function SaveViewForm({ definition, onDone, onSaved }: { definition: ViewDefinition; onDone: () => void; onSaved: (viewId: string) => void }) {
  const t = useT();
  const create = useCreateView();
  const form = useZodForm(nameAndSharing, { name: '', shared: false });
  const submit = form.onSubmit((input) =>
    create.mutate(
      { ...input, definition },
      {
        onSuccess: (view) => {
          onSaved(view.id);
          onDone();
        },
        onError: form.showError,
      },
    ),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <TextInput label={t('views.save.name')} description={t('views.save.nameHint')} required data-autofocus {...form.textProps('name')} />
        <Checkbox
          label={t('views.save.shared')}
          description={t('views.save.sharedHint')}
          checked={form.values.shared}
          onChange={(event) => form.setValue('shared', event.currentTarget.checked)}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('views.save.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
