import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectCustomersFile } from './import-inspection.ts';

/**
 * Contacts exports imported with no mapping given, each checked against what was worked out by
 * hand from the file (fixtures/exports/FIXTURES.md says, row by row, why each figure is what it
 * is): who is a person and who an organisation, every email and phone with its label, where a
 * person works and as what, the birthday, the tags.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'exports');

interface Person {
  name: string;
  /** [value, label], in the order the customer lists them. */
  emails: [string, string | null][];
  phones: [string, string | null][];
  organisation: string | null;
  title: string | null;
  birthday: string | null;
  tags: string[];
  notes: string | null;
}
interface Organisation {
  name: string;
  emails: [string, string | null][];
  phones: [string, string | null][];
}
interface Expected {
  file: string;
  source: { id: string; system: string } | null;
  rows: number;
  people: Person[];
  organisations: Organisation[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
const none: Pick<Organisation, 'emails' | 'phones'> = { emails: [], phones: [] };

const EXPECTED: Expected[] = [
  {
    file: 'google-contacts/google-contacts.csv',
    source: { id: 'google-contacts', system: 'Google Contacts' },
    rows: 5,
    people: [
      { name: 'Ada Lovelace', emails: [['ada@analytical.example', 'Work'], ['ada.home@example.com', 'Home'], ['ada.old@example.com', 'Home']], phones: [['+44 20 7946 0001', 'Mobile'], ['+44 20 7946 0002', 'Work']], organisation: 'Analytical Society', title: 'Mathematician', birthday: '1985-12-10', tags: ['Friends', 'starred'], notes: 'First programmer' },
      { name: 'Charles Babbage', emails: [['charles@analytical.example', 'Other']], phones: [], organisation: 'Analytical Society', title: null, birthday: null, tags: [], notes: null },
      { name: 'Grace Hopper', emails: [], phones: [['(555) 010-0199', 'Home']], organisation: null, title: null, birthday: '1986-12-09', tags: ['starred'], notes: 'Met at the "COBOL" meetup, 2024\nCall back in May' },
      { name: 'Иван Петров', emails: [['ivan@romashka.example', 'Work']], phones: [['+7 912 000-00-01', 'Mobile'], ['+7 912 000-00-02', 'Mobile']], organisation: 'ООО "Ромашка"', title: 'Директор', birthday: null, tags: ['Клиенты'], notes: 'Birthday: 12 April (no year given)' },
    ],
    organisations: [
      { name: 'Analytical Society', ...none },
      { name: 'ООО "Ромашка"', emails: [['info@romashka.example', 'Work']], phones: [['+7 495 000-00-00', 'Work']] },
    ],
  },
  {
    file: 'google-contacts/google-csv-older.csv',
    source: { id: 'google-contacts', system: 'Google Contacts' },
    rows: 3,
    people: [
      { name: 'Jane Roe', emails: [['jane@example.com', 'Home'], ['jane@acme.example', 'Work']], phones: [['+1 555-0110', 'Mobile']], organisation: 'Acme Ltd', title: 'Engineer', birthday: null, tags: [], notes: 'Birthday: 4 July (no year given)' },
      { name: 'John Doe', emails: [['john@acme.example', 'Work']], phones: [['+1 555-0100', 'Work'], ['+1 555-0101', 'Work Fax']], organisation: 'Acme Ltd', title: 'Buyer', birthday: '1970-01-31', tags: ['Suppliers'], notes: null },
      { name: 'Max Mustermann', emails: [], phones: [['+49 151 0000000', 'Mobile']], organisation: 'Muster GmbH', title: null, birthday: null, tags: ['Suppliers', 'VIP'], notes: null },
    ],
    organisations: [{ name: 'Acme Ltd', ...none }, { name: 'Muster GmbH', ...none }],
  },
  {
    file: 'outlook/outlook-contacts.csv',
    source: { id: 'outlook-contacts', system: 'Outlook contacts' },
    rows: 3,
    people: [
      { name: 'Anna Schmidt', emails: [['a.schmidt@muster.example', null]], phones: [['+49 30 1234567', 'Business'], ['+49 30 1234568', 'Business Fax']], organisation: 'Muster GmbH', title: 'Head of Purchasing', birthday: '1980-12-24', tags: [], notes: null },
      { name: 'Mary Jane Watson', emails: [['mj@example.com', null]], phones: [['+1 917 555 0102', 'Mobile'], ['+1 212 555 0103', 'Home']], organisation: null, title: null, birthday: null, tags: ['Friends'], notes: null },
      { name: 'Peter Parker', emails: [['peter@bugle.example', null], ['pp@example.com', null]], phones: [['+1 917 555 0101', 'Mobile'], ['+1 212 555 0100', 'Business']], organisation: 'Daily Bugle', title: 'Photographer', birthday: '1976-08-10', tags: ['Press', 'VIP'], notes: 'Prefers calls after 6pm' },
    ],
    organisations: [{ name: 'Daily Bugle', ...none }, { name: 'Muster GmbH', ...none }],
  },
  {
    file: 'vcard/contacts.vcf',
    source: { id: 'vcard', system: 'vCard' },
    rows: 4,
    people: [
      { name: 'John Smith', emails: [['john.smith@acme.example', 'Other'], ['john@acme.example', 'Work']], phones: [['+1 (555) 010-0001', 'Mobile'], ['+1 555 010 0002', 'Studio']], organisation: 'Acme Ltd', title: 'CTO', birthday: '1975-06-30', tags: ['Friends', 'VIP'], notes: 'Met at the trade fair, booth 12.\nFollow up in March.' },
      { name: 'Lena Kraus', emails: [['lena@example.de', 'Home']], phones: [['+49 30 555 0101', 'Home']], organisation: null, title: null, birthday: null, tags: [], notes: 'Birthday: 29 February (no year given)' },
      { name: 'Мария Иванова', emails: [['maria@example.ru', 'Home']], phones: [['+7 912 000-00-11', 'Mobile'], ['+7 495 000-00-12', 'Work']], organisation: 'ООО "Ромашка"', title: 'Бухгалтер', birthday: '1980-03-05', tags: ['Клиенты'], notes: null },
    ],
    organisations: [
      { name: 'Acme Ltd', emails: [['sales@acme.example', 'Work']], phones: [['+1-555-010-0000', 'Work']] },
      { name: 'ООО "Ромашка"', ...none },
    ],
  },
];

for (const expected of EXPECTED) {
  describeEachDatabase(`contacts import: ${expected.file}`, (db) => {
    const t = useSetUpApp(db);
    const clock = fixedClock(new Date('2026-02-01T10:00:00Z'));
    const file = path.join(FIXTURES, expected.file);

    async function importFixture() {
      const deps = { db: db().db, clock };
      const { settings, source } = await inspectCustomersFile(deps, t.owner.workspaceId, file);
      const record = await createImport(deps, t.owner.workspaceId, t.owner.userId, file, settings, path.basename(file), { fresh: true });
      return { source, outcome: await runImport(deps, { workspaceId: t.owner.workspaceId, importId: record.id, actorId: t.owner.userId, filePath: file, settings, dryRun: false }) };
    }

    /** Every customer of the workspace as the API shows them. */
    async function customers() {
      const list = (await t.app.inject({ url: '/api/v1/customers?limit=500', headers: as(t.owner) })).json().items as { id: string }[];
      return Promise.all(list.map(async ({ id }) => (await t.app.inject({ url: `/api/v1/customers/${id}`, headers: as(t.owner) })).json()));
    }
    type Profile = Awaited<ReturnType<typeof customers>>[number];
    const contactsOf = (p: Profile, kind: string) => (p.contacts as { kind: string; value: string; label: string | null }[]).filter((c) => c.kind === kind).map((c): [string, string | null] => [c.value, c.label]);

    it('is recognised and read with no mapping given: people, organisations, contacts, employers, birthdays, tags', async () => {
      const { source, outcome } = await importFixture();
      expect(source).toMatchObject(expected.source ?? {});
      expect(outcome.rejections).toEqual([]);
      expect(outcome.counts).toMatchObject({ rows: expected.rows, rejected: 0, customersCreated: expected.rows });

      const all = await customers();
      const people = all.filter((p) => p.kind === 'person').map((p): Person => {
        const job = (p.employments as { title: string | null; organisation: { displayName: string } }[])[0];
        return {
          name: p.displayName, emails: contactsOf(p, 'email'), phones: contactsOf(p, 'phone'), organisation: job?.organisation.displayName ?? null, title: job?.title ?? null,
          birthday: p.birthday, tags: (p.tags as { name: string }[]).map((tag) => tag.name).toSorted(), notes: p.notes,
        };
      });
      const organisations = all.filter((p) => p.kind === 'organisation').map((p): Organisation => ({ name: p.displayName, emails: contactsOf(p, 'email'), phones: contactsOf(p, 'phone') }));
      expect(people.toSorted(byName)).toEqual(expected.people);
      expect(organisations.toSorted(byName)).toEqual(expected.organisations);
    });

    it('imported again, changes nothing and makes nobody twice', async () => {
      const before = (await customers()).length;
      const { outcome } = await importFixture();
      expect(outcome.counts).toMatchObject({ rows: expected.rows, rejected: 0, customersCreated: 0, customersUpdated: 0, customersUnchanged: expected.rows });
      expect((await customers()).length).toBe(before);
    });
  });
}

describeEachDatabase('contacts import through the API', (db) => {
  const t = useSetUpApp(db);

  it('the wizard\'s inspection says which export it is, and proposes every email and phone column', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'outlook/outlook-contacts.csv'));
    const uploadId = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/uploads?name=contacts.csv', headers: { ...as(t.owner), 'content-type': 'application/octet-stream' }, payload: bytes })).json().uploadId;
    const inspection = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/customers/inspect', headers: as(t.owner), payload: { uploadId } })).json();
    expect(inspection.source).toMatchObject({ id: 'outlook-contacts', system: 'Outlook contacts' });
    expect(inspection.settings.read.dateFormat).toBe('mdy');
    expect(inspection.settings.mapping).toMatchObject({ jobTitle: 'Job Title', email: 'E-mail Address', 'email.2': 'E-mail 2 Address', phone: 'Mobile Phone', 'phone.2': 'Business Phone' });
    expect(inspection.preview.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true]);

    const vcard = fs.readFileSync(path.join(FIXTURES, 'vcard/contacts.vcf'));
    const vcardUpload = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/uploads?name=contacts.vcf', headers: { ...as(t.owner), 'content-type': 'application/octet-stream' }, payload: vcard })).json().uploadId;
    const read = (await t.app.inject({ method: 'POST', url: '/api/v1/imports/customers/inspect', headers: as(t.owner), payload: { uploadId: vcardUpload } })).json();
    expect(read).toMatchObject({ source: { id: 'vcard' }, settings: { format: { type: 'vcard' } } });
    expect(read.preview).toHaveLength(4);
  });
});
