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
  {
    file: 'google-contacts/google-contacts-bom.csv',
    source: { id: 'google-contacts', system: 'Google Contacts' },
    rows: 8,
    people: [
      { name: 'Anna Nowak', emails: [['anna.nowak@example.pl', 'Home']], phones: [['+48 22 123 45 67', 'Home']], organisation: null, title: null, birthday: null, tags: [], notes: 'Birthday: 24 December (no year given)' },
      { name: 'Emily Carter', emails: [['emily@carterhale.example', 'Work'], ['emily.carter@example.com', 'Other'], ['em.carter@example.org', 'Other']], phones: [['+1 415-555-0134', 'Mobile']], organisation: 'Carter & Hale Design', title: 'Owner', birthday: '1990-11-23', tags: ['Clients', 'starred'], notes: null },
      { name: 'Tom Hale', emails: [['tom@carterhale.example', 'Work']], phones: [['+1 415-555-0199', 'Work']], organisation: 'Carter & Hale Design', title: 'Creative Director', birthday: null, tags: ['Clients'], notes: null },
      { name: 'Wei Zhang', emails: [['wei.zhang@harbortea.example', 'Work']], phones: [['+1 206-555-0148', 'Work']], organisation: 'Harbor Tea Imports', title: 'Account Manager', birthday: '1982-07-30', tags: ['Suppliers'], notes: null },
      { name: 'Дмитрий Орлов', emails: [['d.orlov@sev-zvezda.example', 'Work']], phones: [['+7 903 555-12-34', 'Mobile'], ['+7 903 555-98-76', 'Mobile']], organisation: 'ООО "Северная звезда"', title: 'Директор по закупкам', birthday: null, tags: ['VIP', 'Клиенты'], notes: 'Birthday: 3 September (no year given)' },
      { name: 'Ольга Соколова', emails: [['o.sokolova@sev-zvezda.example', 'Work'], ['olga.sokolova@example.ru', 'Home']], phones: [['+7 916 123-45-67', 'Mobile'], ['+7 495 765-43-21', 'Work']], organisation: 'ООО "Северная звезда"', title: 'Главный бухгалтер', birthday: '1985-04-12', tags: ['Клиенты'], notes: null },
      { name: 'Сергей', emails: [], phones: [['8 (921) 000-11-22', 'Mobile']], organisation: null, title: null, birthday: null, tags: ['Клиенты'], notes: 'Заказывает по пятницам.\nПредпочитает звонки, не письма.' },
    ],
    organisations: [
      { name: 'Bäckerei Sonnenschein GmbH', emails: [['info@baeckerei-sonnenschein.example', 'Work']], phones: [['+49 30 9876543', 'Work']] },
      { name: 'Carter & Hale Design', ...none },
      { name: 'Harbor Tea Imports', ...none },
      { name: 'ООО "Северная звезда"', ...none },
    ],
  },
  {
    file: 'google-contacts/google-csv-older-utf16.csv',
    source: { id: 'google-contacts', system: 'Google Contacts' },
    rows: 8,
    people: [
      { name: 'Ahmed Khan', emails: [['ahmed.khan@example.org', 'Other']], phones: [['+44 161 496 0000', 'Home']], organisation: null, title: null, birthday: '1969-10-01', tags: [], notes: null },
      { name: 'Hans Becker', emails: [], phones: [['+49 160 5550123', 'Mobile'], ['+49 89 5550124', 'Work Fax']], organisation: 'Becker Holzbau GmbH', title: null, birthday: null, tags: ['Suppliers'], notes: null },
      { name: 'Julia Meyer', emails: [], phones: [['+49 171 2345678', 'Mobile']], organisation: null, title: null, birthday: null, tags: ['Clients', 'VIP'], notes: null },
      { name: 'Laura Bianchi', emails: [['laura@bianchi-arredi.example', 'Work'], ['laura.bianchi@example.it', 'Home']], phones: [['+39 333 123 4567', 'Mobile']], organisation: 'Bianchi Arredi S.r.l.', title: 'Titolare', birthday: '1988-05-09', tags: ['Clients'], notes: null },
      { name: 'Mark Evans', emails: [['mark.evans@example.co.uk', 'Home'], ['markevans@example.net', 'Home']], phones: [['07700 900555', 'Mobile']], organisation: 'Evans Plumbing Ltd', title: 'Director', birthday: null, tags: ['Suppliers'], notes: 'Invoices quarterly; VAT registered' },
      { name: 'Олег Кузьмин', emails: [], phones: [['+7 812 600-70-82', 'Work']], organisation: 'ООО "Альфа-Строй"', title: 'Инженер ПТО', birthday: null, tags: ['VIP'], notes: null },
      { name: 'Пётр Иванов', emails: [['p.ivanov@alfa-stroy.example', 'Work'], ['petr.ivanov@example.ru', 'Home']], phones: [['+7 921 555-01-02', 'Mobile'], ['+7 812 600-70-80', 'Work']], organisation: 'ООО "Альфа-Строй"', title: 'Прораб', birthday: '1978-02-28', tags: ['VIP'], notes: null },
      { name: 'Светлана Петрова', emails: [['s.petrova@alfa-stroy.example', 'Work']], phones: [['+7 812 600-70-81', 'Work']], organisation: 'ООО "Альфа-Строй"', title: 'Сметчик', birthday: null, tags: [], notes: 'Birthday: 15 June (no year given)' },
    ],
    organisations: [{ name: 'Becker Holzbau GmbH', ...none }, { name: 'Bianchi Arredi S.r.l.', ...none }, { name: 'Evans Plumbing Ltd', ...none }, { name: 'ООО "Альфа-Строй"', ...none }],
  },
  {
    file: 'outlook/outlook-com-contacts.csv',
    source: { id: 'outlook-contacts', system: 'Outlook contacts' },
    rows: 8,
    people: [
      { name: 'Chandler Bing', emails: [['chandler.bing@example.com', null], ['cbing@example.net', null]], phones: [['+1 212 555 0177', 'Business']], organisation: 'Fernleaf Boutique', title: 'Statistical Analysis', birthday: null, tags: [], notes: null },
      { name: 'Janice Hosenstein', emails: [['janice.h@example.com', null]], phones: [['+1 718 555 0142', 'Other']], organisation: null, title: null, birthday: null, tags: [], notes: null },
      { name: 'Joey Tribbiani', emails: [], phones: [['+1 917 555 0199', 'Mobile']], organisation: null, title: null, birthday: null, tags: [], notes: null },
      { name: 'Monica Geller', emails: [['monica@fernleaf.example', null]], phones: [['+1 212 555 0162', 'Business']], organisation: 'Fernleaf Boutique', title: 'Store Manager', birthday: '1979-12-24', tags: [], notes: null },
      { name: 'Phoebe Buffay', emails: [['phoebe.buffay@example.com', null]], phones: [['+1 212 555 0188', 'Home']], organisation: null, title: null, birthday: '1981-02-16', tags: [], notes: 'Regular at the Saturday market stall' },
      { name: 'Rachel Green', emails: [['rachel.green@fernleaf.example', null], ['rachel.g@example.com', null]], phones: [['+1 212 555 0161', 'Mobile'], ['+1 212 555 0160', 'Business']], organisation: 'Fernleaf Boutique', title: 'Buyer', birthday: '1985-04-12', tags: [], notes: 'Prefers samples by courier' },
      { name: 'Ross Geller', emails: [['ross.geller@museum.example', null]], phones: [['+1 212 555 0150', 'Business']], organisation: 'Museum of Natural History', title: 'Paleontologist', birthday: '1977-10-18', tags: [], notes: null },
      { name: 'Наталья Волкова', emails: [['n.volkova@example.ru', null]], phones: [['+7 926 444-55-66', 'Mobile'], ['+7 495 111-22-33', 'Home']], organisation: null, title: null, birthday: '1992-07-01', tags: [], notes: null },
    ],
    organisations: [{ name: 'Fernleaf Boutique', ...none }, { name: 'Museum of Natural History', ...none }],
  },
  {
    file: 'outlook/outlook-desktop-contacts-1252.csv',
    source: { id: 'outlook-contacts', system: 'Outlook contacts' },
    rows: 8,
    people: [
      { name: 'Ana García', emails: [['ana.garcia@ferreteria-garcia.example', null]], phones: [['+34 91 555 01 23', 'Business']], organisation: 'Ferretería García S.L.', title: 'Compras', birthday: null, tags: ['Suppliers'], notes: null },
      { name: 'Björn Lindqvist', emails: [['bjorn.lindqvist@example.se', null]], phones: [['+46 8 555 012 34', 'Home']], organisation: null, title: null, birthday: '1983-08-05', tags: ['Friends'], notes: null },
      { name: 'Chloé Dubois', emails: [['chloe@cafe-lumiere.example', null]], phones: [['+33 6 98 76 54 32', 'Mobile']], organisation: 'Café Lumière SARL', title: 'Responsable salle', birthday: null, tags: ['Clients', 'Holiday cards'], notes: null },
      { name: 'François Lefèvre', emails: [['francois@cafe-lumiere.example', null]], phones: [['+33 4 72 00 00 02', 'Business']], organisation: 'Café Lumière SARL', title: 'Chef pâtissier', birthday: null, tags: ['Clients'], notes: null },
      { name: 'Inês Araújo', emails: [['ines@araujo-filhos.example', null]], phones: [['+351 21 000 0000', 'Company Main'], ['+351 21 000 0001', 'Business Fax']], organisation: 'Araújo & Filhos Lda', title: 'Sócia-gerente', birthday: '1974-11-03', tags: [], notes: null },
      { name: 'Jürgen Weiß', emails: [['j.weiss@weiss-soehne.example', null]], phones: [['+49 711 555 0100', 'Business'], ['+49 711 555 0101', 'Business']], organisation: 'Weiß & Söhne KG', title: 'Geschäftsführer', birthday: '1964-02-29', tags: ['Suppliers', 'VIP'], notes: null },
      { name: "Seán O'Brien", emails: [['sean.obrien@example.ie', null]], phones: [['+353 87 555 0102', 'Mobile'], ['+353 1 555 0101', 'Home']], organisation: null, title: null, birthday: null, tags: ['Friends', 'Suppliers', 'VIP'], notes: null },
      { name: 'Zoë Müller', emails: [['zoe.muller@cafe-lumiere.example', null], ['zoe.m@example.fr', null]], phones: [['+33 6 12 34 56 78', 'Mobile'], ['+33 4 72 00 00 01', 'Business']], organisation: 'Café Lumière SARL', title: 'Gérante', birthday: '1985-04-12', tags: ['Clients', 'VIP'], notes: 'Commande hebdomadaire le lundi.\nLivraison avant 8h.' },
    ],
    organisations: [{ name: 'Araújo & Filhos Lda', ...none }, { name: 'Café Lumière SARL', ...none }, { name: 'Ferretería García S.L.', ...none }, { name: 'Weiß & Söhne KG', ...none }],
  },
  {
    file: 'vcard/google-contacts-3.0.vcf',
    source: { id: 'vcard', system: 'vCard' },
    rows: 3,
    people: [
      { name: 'Emma Lawson', emails: [['emma.lawson@example.com', 'Home'], ['emma@cedarandsage.example', 'Work']], phones: [['+1 617-555-0142', 'Mobile'], ['+1 617-555-0100', 'Work']], organisation: 'Cedar & Sage Candle Co.', title: 'Wholesale Manager', birthday: '1985-04-12', tags: ['Clients'], notes: 'Met at the Boston Gift Show 2023, booth 214. Orders every quarter; wants the spring catalogue before 1 March and samples of the new diffuser range.' },
      { name: 'Tom Hale', emails: [['tom@carterhale.example', 'Work']], phones: [['+1 415-555-0199', 'Work']], organisation: 'Carter & Hale Design', title: 'Creative Director', birthday: null, tags: ['Clients', 'VIP'], notes: null },
      { name: 'Ольга Соколова', emails: [['o.sokolova@sev-zvezda.example', 'Work'], ['olga.sokolova@example.ru', 'Home']], phones: [['+7 916 123-45-67', 'Mobile'], ['+7 495 765-43-21', 'Work']], organisation: 'ООО "Северная звезда"', title: 'Главный бухгалтер', birthday: '1985-04-12', tags: ['Клиенты'], notes: null },
    ],
    organisations: [{ name: 'Carter & Hale Design', ...none }, { name: 'Cedar & Sage Candle Co.', ...none }, { name: 'ООО "Северная звезда"', ...none }],
  },
  {
    file: 'vcard/iphone-contacts-3.0.vcf',
    source: { id: 'vcard', system: 'vCard' },
    rows: 3,
    people: [
      { name: 'Emily Carter', emails: [['emily@carterhale.example', 'Studio'], ['emily.carter@example.com', 'Home']], phones: [['+1 (415) 555-0134', 'Mobile']], organisation: 'Carter & Hale Design', title: 'Owner', birthday: '1990-11-23', tags: [], notes: null },
      { name: 'Дмитрий Орлов', emails: [['d.orlov@sev-zvezda.example', 'Other']], phones: [['+7 903 555-12-34', 'Mobile'], ['+7 903 555-98-76', 'iPhone']], organisation: 'ООО "Северная звезда"', title: 'Директор по закупкам', birthday: null, tags: [], notes: 'Birthday: 3 September (no year given)' },
    ],
    organisations: [
      { name: 'Bäckerei Sonnenschein GmbH', emails: [['info@baeckerei-sonnenschein.example', 'Other']], phones: [['+49 30 9876543', 'Work']] },
      { name: 'Carter & Hale Design', ...none },
      { name: 'ООО "Северная звезда"', ...none },
    ],
  },
  {
    file: 'vcard/outlook-contacts-2.1.vcf',
    source: { id: 'vcard', system: 'vCard' },
    rows: 3,
    people: [
      { name: "Sean O'Brien", emails: [['sean.obrien@example.ie', null]], phones: [['+353 1 555 0101', 'Home'], ['+353 87 555 0102', 'Mobile']], organisation: null, title: null, birthday: null, tags: [], notes: null },
      { name: 'Zoë Müller', emails: [['zoe.muller@cafe-lumiere.example', null], ['zoe.m@example.fr', null]], phones: [['+33 4 72 00 00 01', 'Work'], ['+33 6 12 34 56 78', 'Mobile']], organisation: 'Café Lumière SARL', title: 'Gérante', birthday: '1985-04-12', tags: [], notes: 'Commande hebdomadaire le lundi.\nLivraison avant 8h, entrée par la cour ; sonner deux fois. Facture mensuelle au nom de la SARL.' },
      { name: 'Наталья Волкова', emails: [['n.volkova@sev-veter.example', null]], phones: [['+7 812 300-40-50', 'Work'], ['+7 921 987-65-43', 'Mobile'], ['+7 812 300-40-51', 'Work Fax']], organisation: 'АО "Северный ветер"', title: 'Менеджер по закупкам', birthday: '1992-07-01', tags: [], notes: null },
    ],
    organisations: [{ name: 'Café Lumière SARL', ...none }, { name: 'АО "Северный ветер"', ...none }],
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
