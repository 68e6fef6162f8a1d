import { createCustomerSchema, type CustomerKind } from '@contracts/customers.ts';
import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/api.ts';
import { useFieldIssues } from '../../../forms/useFieldIssues.ts';
import { useT } from '../../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { customerPath } from '../CustomerLink.tsx';
import type { CreatedState } from '../../profile/WorkplaceFailedAlert.tsx';
import { useCreateCustomer } from '../useCustomers.ts';
import { contactPaths } from './contactRows.ts';
import { ContactRows } from './ContactRows.tsx';
import { emptyCreateValues, toCreateCustomer, type CreateValues } from './createValues.ts';
import { OrganisationFields } from './OrganisationFields.tsx';
import { PersonFields } from './PersonFields.tsx';

interface CreateCustomerModalProps {
  opened: boolean;
  onClose: () => void;
  /** Only this kind (the Organisations page creates organisations). */
  kind?: CustomerKind;
}

/** Adds a person or an organisation, then opens the new profile. */
export function CreateCustomerModal({ opened, onClose, kind }: CreateCustomerModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t(kind === 'organisation' ? 'customers.add.organisationTitle' : 'customers.add.title')} centered size="lg">
      {opened && <CreateCustomerForm onDone={onClose} fixedKind={kind} />}
    </Modal>
  );
}

function CreateCustomerForm({ onDone, fixedKind }: { onDone: () => void; fixedKind: CustomerKind | undefined }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const issues = useFieldIssues();
  const [values, setValues] = useState<CreateValues>(() => emptyCreateValues(fixedKind ?? 'person'));
  const [linking, setLinking] = useState(false);
  const set = (patch: Partial<CreateValues>) => setValues((current) => ({ ...current, ...patch }));
  const paths = ['firstName', 'lastName', 'name', 'website', 'parentId', ...contactPaths(values.contacts)];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = issues.check(createCustomerSchema, toCreateCustomer(values), paths);
    if (!input) return;
    create.mutate(toCreateCustomer(values), {
      onError: (error) => issues.showError(error, paths),
      onSuccess: async (customer) => {
        // A person's workplace is its own record, added once the person exists. If that fails,
        // the person still exists: their profile opens and says the workplace is missing.
        let workplaceFailed = false;
        if (values.kind === 'person' && values.organisation) {
          setLinking(true);
          const employment = { organisationId: values.organisation.id, title: values.title || null };
          workplaceFailed = await api.customers.addEmployment(customer.id, employment).then(() => false, () => true);
        }
        onDone();
        const state: CreatedState = { workplaceFailed };
        void navigate(customerPath(customer.id), { state });
      },
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        {!fixedKind && (
          <Radio.Group label={t('customers.add.kind')} value={values.kind} onChange={(kind) => set({ kind: kind as CustomerKind })}>
            <Group gap="lg" mt={6}>
              <Radio value="person" label={t('customers.kind.person')} />
              <Radio value="organisation" label={t('customers.kind.organisation')} />
            </Group>
          </Radio.Group>
        )}
        {values.kind === 'person' ? (
          <PersonFields values={values} set={set} errorAt={issues.errorAt} />
        ) : (
          <OrganisationFields values={values} set={set} errorAt={issues.errorAt} />
        )}
        <ContactRows rows={values.contacts} onChange={(contacts) => set({ contacts })} errorAt={issues.errorAt} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || linking}>
            {t(values.kind === 'organisation' ? 'customers.add.submitOrganisation' : 'customers.add.submitPerson')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
