import type { CustomerProfile } from '@contracts/customers.ts';
import { useState } from 'react';
import { contactPaths, contactsToSend, rowsFromContacts, type ContactRow } from '../customers/create/contactRows.ts';
import { ContactRows } from '../customers/create/ContactRows.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** All emails and phones at once; the saved list replaces the old one. */
export function EditContactsForm({ profile, onDone }: { profile: CustomerProfile; onDone: () => void }) {
  const [rows, setRows] = useState<ContactRow[]>(() => rowsFromContacts(profile.contacts));
  return (
    <ProfileForm profile={profile} paths={contactPaths(rows)} toPatch={() => ({ contacts: contactsToSend(rows) })} onDone={onDone}>
      {(errorAt) => <ContactRows rows={rows} onChange={setRows} errorAt={errorAt} />}
    </ProfileForm>
  );
}
