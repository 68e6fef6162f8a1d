import { describe, expect, it } from 'vitest';
import { birthdayCell, cleanLabel, contactColumns, labelFromHeader, tagNamesOf, yearlessBirthdayNote } from './contact-cells.ts';
import { proposeCustomerFields } from './customer-fields.ts';
import { isCompanyName } from './customer-rows.ts';

describe('contacts cells', () => {
  it('lists numbered email and phone columns in order, each with its label column', () => {
    expect(contactColumns({ 'phone.2': 'P2', email: 'E1', phone: 'P1', 'email.10': 'E10', 'email.2': 'E2', emailLabel: 'L1', name: 'N' })).toEqual([
      { kind: 'email', field: 'email', labelField: 'emailLabel' },
      { kind: 'email', field: 'email.2', labelField: 'emailLabel.2' },
      { kind: 'email', field: 'email.10', labelField: 'emailLabel.10' },
      { kind: 'phone', field: 'phone', labelField: 'phoneLabel' },
      { kind: 'phone', field: 'phone.2', labelField: 'phoneLabel.2' },
    ]);
  });

  it('labels: Google\'s "* Work" is Work; Outlook\'s column names give theirs; a plain Phone none', () => {
    expect(cleanLabel('* Work')).toBe('Work');
    expect(cleanLabel(' ')).toBeNull();
    expect(['Mobile Phone', 'Business Phone 2', 'Pager', 'Home Fax', 'Phone', 'Телефон', 'Мобильный телефон'].map((h) => labelFromHeader('phone', h))).toEqual(['Mobile', 'Business', 'Pager', 'Home Fax', null, null, 'Мобильный']);
    expect(['E-mail Address', 'Email', 'Work Email'].map((h) => labelFromHeader('email', h))).toEqual([null, null, 'Work']);
  });

  it('tags: Google\'s groups without My Contacts, starred kept; Outlook\'s categories; plain lists', () => {
    expect(tagNamesOf('* myContacts ::: Friends ::: * starred')).toEqual(['Friends', 'starred']);
    expect(tagNamesOf('* My Contacts ::: SES ::: 大林')).toEqual(['SES', '大林']);
    expect(tagNamesOf('Business;VIP')).toEqual(['Business', 'VIP']);
    expect(tagNamesOf('VIP, Опт, vip')).toEqual(['vip', 'Опт']);
  });

  it('birthdays: Outlook\'s 0/0/00 is none, --04-12 a day without a year, --02-30 no day at all', () => {
    expect(birthdayCell('0/0/00')).toEqual({ kind: 'none' });
    expect(birthdayCell('4/12/1985')).toEqual({ kind: 'date', text: '4/12/1985' });
    expect(birthdayCell('--04-12')).toEqual({ kind: 'yearless', month: 4, day: 12 });
    expect(birthdayCell('--0229')).toEqual({ kind: 'yearless', month: 2, day: 29 });
    expect(birthdayCell('--02-30')).toEqual({ kind: 'invalid' });
    expect(yearlessBirthdayNote(4, 12)).toBe('Birthday: 12 April (no year given)');
  });

  it('company names by their legal form, quotes and Cyrillic included; people are not companies', () => {
    for (const name of ['ООО "Ромашка"', 'ООО «Ромашка»', 'ИП Петров А. А.', 'АО Вектор', 'ПАО "Газ"', 'Acme Ltd', 'Acme Ltd.', 'Initech LLC', 'Müller GmbH', 'Globex Inc.', 'Siemens AG', 'Umbrella Corp', 'Lind & Co', 'Berg & Co.']) expect(isCompanyName(name), name).toBe(true);
    for (const name of ['Мария Иванова', 'Иван Ипатов', 'Ao Lin', 'Sao Paulo', 'Incy Wincy', 'Ltdova Anna', 'Agnes Smith']) expect(isCompanyName(name), name).toBe(false);
  });
});

describe('contacts layouts', () => {
  it('Outlook: "Job Title" is the title (its "Title" is Mr./Dr.), every phone column by its kind, the address filled most', () => {
    const headers = ['Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title', 'Business Street', 'Business City', 'Business State', 'Business Postal Code', 'Business Country/Region', 'Home Street', 'Home City', 'Home State', 'Home Postal Code', 'Home Country/Region', 'Business Fax', 'Business Phone', 'Home Phone', 'Mobile Phone', 'Pager', 'Birthday', 'Categories', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'E-mail 2 Address', 'E-mail 2 Type', 'E-mail 3 Address', 'Notes', 'Web Page'];
    const row = headers.map((h) => (h.startsWith('Home') ? '' : h.startsWith('Business') ? 'x' : ''));
    const { mapping, source } = proposeCustomerFields(headers, [row], 'delimited', []);
    expect(source).toMatchObject({ id: 'outlook-contacts' });
    expect(mapping).toEqual({
      firstName: 'First Name', lastName: 'Last Name', organisation: 'Company', jobTitle: 'Job Title', email: 'E-mail Address', 'email.2': 'E-mail 2 Address', 'email.3': 'E-mail 3 Address',
      birthday: 'Birthday', notes: 'Notes', tags: 'Categories', website: 'Web Page',
      phone: 'Mobile Phone', 'phone.2': 'Business Phone', 'phone.3': 'Home Phone', 'phone.4': 'Pager', 'phone.5': 'Business Fax',
      addressLine1: 'Business Street', city: 'Business City', region: 'Business State', postalCode: 'Business Postal Code', country: 'Business Country/Region',
    });
  });

  it('Google, current and older layouts: numbered contacts with their label (or type) columns', () => {
    const current = ['First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name', 'Name Prefix', 'Name Suffix', 'Nickname', 'File As', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes', 'Photo', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value', 'E-mail 2 - Label', 'E-mail 2 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Address 1 - Label', 'Address 1 - Formatted', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - PO Box', 'Address 1 - Region', 'Address 1 - Postal Code', 'Address 1 - Country', 'Address 1 - Extended Address', 'Website 1 - Label', 'Website 1 - Value'];
    const a = proposeCustomerFields(current, [], 'delimited', []);
    expect(a.source).toMatchObject({ id: 'google-contacts', system: 'Google Contacts' });
    expect(a.mapping).toEqual({
      firstName: 'First Name', lastName: 'Last Name', organisation: 'Organization Name', jobTitle: 'Organization Title', birthday: 'Birthday', notes: 'Notes', tags: 'Labels',
      emailLabel: 'E-mail 1 - Label', email: 'E-mail 1 - Value', 'emailLabel.2': 'E-mail 2 - Label', 'email.2': 'E-mail 2 - Value', phoneLabel: 'Phone 1 - Label', phone: 'Phone 1 - Value',
      addressLine1: 'Address 1 - Street', city: 'Address 1 - City', region: 'Address 1 - Region', postalCode: 'Address 1 - Postal Code', country: 'Address 1 - Country', website: 'Website 1 - Value',
    });
    const older = ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Yomi Name', 'Birthday', 'Notes', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value', 'Organization 1 - Type', 'Organization 1 - Name', 'Organization 1 - Yomi Name', 'Organization 1 - Title'];
    const b = proposeCustomerFields(older, [], 'delimited', []);
    expect(b.source).toMatchObject({ id: 'google-contacts' });
    expect(b.mapping).toEqual({
      name: 'Name', firstName: 'Given Name', lastName: 'Family Name', birthday: 'Birthday', notes: 'Notes', tags: 'Group Membership', organisation: 'Organization 1 - Name', jobTitle: 'Organization 1 - Title',
      emailLabel: 'E-mail 1 - Type', email: 'E-mail 1 - Value', phoneLabel: 'Phone 1 - Type', phone: 'Phone 1 - Value', 'phoneLabel.2': 'Phone 2 - Type', 'phone.2': 'Phone 2 - Value',
    });
  });
});
