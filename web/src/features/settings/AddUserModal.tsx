import type { RoleName } from '@contracts/common.ts';
import { createUserSchema, type CreateUser } from '@contracts/users.ts';
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { grantableRoles } from './roles.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { useCreateUser } from './useUsers.ts';

interface AddUserModalProps {
  opened: boolean;
  onClose: () => void;
  actorRole: RoleName;
}

export function AddUserModal({ opened, onClose, actorRole }: AddUserModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.add.title')} centered size="lg">
      {opened && <AddUserForm onDone={onClose} actorRole={actorRole} />}
    </Modal>
  );
}

function AddUserForm({ onDone, actorRole }: { onDone: () => void; actorRole: RoleName }) {
  const t = useT();
  const create = useCreateUser();
  const form = useZodForm(createUserSchema, { name: '', email: '', role: 'member', password: '' } as CreateUser);

  return (
    <form noValidate onSubmit={form.onSubmit((input) => create.mutate(input, { onSuccess: onDone, onError: form.showError }))}>
      <Stack gap="md">
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <TextInput label={t('users.add.name')} required data-autofocus autoComplete="off" {...form.textProps('name')} />
        <TextInput label={t('users.add.email')} type="email" required autoComplete="off" {...form.textProps('email')} />
        <RoleSelect
          label={t('users.add.role')}
          required
          roles={grantableRoles(actorRole)}
          value={form.values.role}
          onChange={(role) => form.setValue('role', role)}
          error={form.errorOf('role')}
          comboboxProps={{ withinPortal: true }}
        />
        <PasswordInput
          label={t('users.add.password')}
          description={t('users.add.passwordHint')}
          required
          autoComplete="new-password"
          {...form.textProps('password')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
