import { createCustomerSchema, type CreateCustomer } from '@contracts/customers.ts';
import { Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useCreateCustomer } from './useCustomers.ts';

interface AddCustomerModalProps {
  opened: boolean;
  onClose: () => void;
}

export function AddCustomerModal({ opened, onClose }: AddCustomerModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.add.title')} centered>
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {opened && <AddCustomerForm onDone={onClose} />}
    </Modal>
  );
}

function AddCustomerForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const create = useCreateCustomer();
  const form = useZodForm(createCustomerSchema, { kind: 'person', displayName: '' } as CreateCustomer);

  return (
    <form noValidate onSubmit={form.onSubmit((input) => create.mutate(input, { onSuccess: onDone, onError: form.showError }))}>
      <Stack gap="md">
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <Radio.Group
          label={t('customers.add.kind')}
          value={form.values.kind}
          onChange={(kind) => form.setValue('kind', kind as CreateCustomer['kind'])}
          error={form.errorOf('kind')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="person" label={t('customers.kind.person')} />
            <Radio value="organisation" label={t('customers.kind.organisation')} />
          </Group>
        </Radio.Group>
        <TextInput
          label={t(form.values.kind === 'organisation' ? 'customers.add.organisationName' : 'customers.add.personName')}
          required
          data-autofocus
          {...form.textProps('displayName')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('customers.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
