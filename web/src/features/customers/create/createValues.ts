import type { CreateCustomer, CustomerKind, CustomerRef } from '@contracts/customers.ts';
import { contactsToSend, newContactRow, type ContactRow } from './contactRows.ts';

/** What the "add customer" form holds, for either kind. */
export interface CreateValues {
  kind: CustomerKind;
  firstName: string;
  lastName: string;
  name: string;
  website: string;
  parent: CustomerRef | null;
  contacts: ContactRow[];
  /** Where a new person works, and as what. */
  organisation: CustomerRef | null;
  title: string;
}

export function emptyCreateValues(kind: CustomerKind): CreateValues {
  return {
    kind,
    firstName: '',
    lastName: '',
    name: '',
    website: '',
    parent: null,
    contacts: [newContactRow('email'), newContactRow('phone')],
    organisation: null,
    title: '',
  };
}

/** The request for the form: only the fields of the chosen kind. */
export function toCreateCustomer(values: CreateValues): CreateCustomer {
  const contacts = contactsToSend(values.contacts);
  if (values.kind === 'organisation') {
    return { kind: 'organisation', name: values.name, website: values.website || null, parentId: values.parent?.id ?? null, contacts };
  }
  return { kind: 'person', firstName: values.firstName || null, lastName: values.lastName || null, contacts };
}
