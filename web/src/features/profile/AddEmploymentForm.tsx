import type { CustomerKind, CustomerRef } from '@contracts/customers.ts';
import { Button, Group, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { useAddEmployment } from './useProfile.ts';

interface AddEmploymentFormProps {
  /** The profile on screen: a person (pick an organisation) or an organisation (pick a person). */
  customer: CustomerRef;
  excludeIds: readonly string[];
}

/** Adds a workplace to a person, or a person to an organisation, with their role. */
export function AddEmploymentForm({ customer, excludeIds }: AddEmploymentFormProps) {
  const t = useT();
  const add = useAddEmployment();
  const [other, setOther] = useState<CustomerRef | null>(null);
  const [title, setTitle] = useState('');
  const pickKind: CustomerKind = customer.kind === 'person' ? 'organisation' : 'person';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!other) return;
    const personId = customer.kind === 'person' ? customer.id : other.id;
    const organisationId = customer.kind === 'person' ? other.id : customer.id;
    add.mutate(
      { personId, input: { organisationId, title: title.trim() || null } },
      {
        onSuccess: () => {
          setOther(null);
          setTitle('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Group gap="xs" align="flex-end" mt="sm" grow preventGrowOverflow={false}>
        <CustomerPicker
          label={t(pickKind === 'organisation' ? 'employments.organisation' : 'employments.person')}
          kind={pickKind}
          excludeIds={[customer.id, ...excludeIds]}
          value={other}
          onChange={setOther}
          placeholder={t(pickKind === 'organisation' ? 'employments.findOrganisation' : 'employments.findPerson')}
        />
        <TextInput label={t('employments.title')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
      </Group>
      <Group justify="flex-end" mt="xs">
        <Button type="submit" variant="light" leftSection={<IconPlus size={14} aria-hidden />} disabled={!other} loading={add.isPending}>
          {t(pickKind === 'organisation' ? 'employments.addWorkplace' : 'employments.addPerson')}
        </Button>
      </Group>
      {add.isError && <ErrorAlert error={add.error} onClose={() => add.reset()} />}
    </form>
  );
}
