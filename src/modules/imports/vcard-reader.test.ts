import { describe, expect, it } from 'vitest';
import { looksLikeVcard, readVcardText, VCARD_HEADERS } from './vcard-reader.ts';

/** A card's non-empty cells by header. */
const cards = (text: string) => readVcardText(text).map((r) => ({ line: r.number, ...Object.fromEntries(VCARD_HEADERS.map((h, i) => [h, r.cells[i]!]).filter(([, v]) => v !== '')) }));

describe('vCard reader', () => {
  it('reads 2.1: bare types, quoted-printable UTF-8 with a soft line break, ORG first component', () => {
    // "Мария Иванова" as UTF-8 bytes, quoted-printable, broken after "Ива".
    const text = [
      'BEGIN:VCARD', 'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD=D0=BE=D0=B2=D0=B0;=D0=9C=D0=B0=D1=80=D0=B8=D1=8F;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9C=D0=B0=D1=80=D0=B8=D1=8F =D0=98=D0=B2=D0=B0=',
      '=D0=BD=D0=BE=D0=B2=D0=B0',
      'TEL;CELL;PREF:+7 912 000-00-01', 'TEL;WORK;VOICE:+7 495 000-00-02', 'EMAIL;INTERNET;HOME:maria@example.ru',
      'ORG:ООО "Ромашка";Бухгалтерия', 'TITLE:Бухгалтер', 'BDAY:1980-03-05', 'END:VCARD',
    ].join('\r\n');
    expect(cards(text)).toEqual([{
      line: 1, Kind: 'person', 'Full Name': 'Мария Иванова', 'First Name': 'Мария', 'Last Name': 'Иванова', Organization: 'ООО "Ромашка"', Title: 'Бухгалтер', Birthday: '1980-03-05',
      'E-mail 1 - Label': 'Home', 'E-mail 1 - Value': 'maria@example.ru', 'Phone 1 - Label': 'Mobile', 'Phone 1 - Value': '+7 912 000-00-01', 'Phone 2 - Label': 'Work', 'Phone 2 - Value': '+7 495 000-00-02',
    }]);
  });

  it('reads 3.0: folded lines, item groups with Apple labels, escapes, categories, the address, a birthday without a year', () => {
    const text = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Smith;John;Q;Dr.;', 'FN:Dr. John Q Smith',
      'item1.EMAIL;type=INTERNET;type=pref:john@ex', ' ample.com', 'item1.X-ABLabel:_$!<Other>!$_',
      'item2.TEL:555-0100', 'item2.X-ABLabel:Studio', 'CATEGORIES:Friends,VIP', 'NOTE:Line one\\nLine two\\, still',
      'ADR;TYPE=HOME:;;1 Main St;Springfield;IL;62701;USA', 'BDAY:--0412', 'END:VCARD',
    ].join('\n');
    expect(cards(text)).toEqual([{
      line: 1, Kind: 'person', 'Full Name': 'Dr. John Q Smith', 'First Name': 'John', 'Last Name': 'Smith', Birthday: '--04-12', Categories: 'Friends ::: VIP', Note: 'Line one\nLine two, still',
      Street: '1 Main St', City: 'Springfield', Region: 'IL', 'Postal Code': '62701', Country: 'USA',
      'E-mail 1 - Label': 'Other', 'E-mail 1 - Value': 'john@example.com', 'Phone 1 - Label': 'Studio', 'Phone 1 - Value': '555-0100',
    }]);
  });

  it('reads 4.0: KIND:org, quoted TYPE lists, tel: URIs; a card whose name is its ORG is the organisation', () => {
    const text = [
      'BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', 'FN:Acme Ltd', 'ORG:Acme Ltd', 'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-555-555-5555', 'EMAIL;TYPE=work:sales@acme.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:Globex', 'ORG:Globex;', 'END:VCARD',
    ].join('\r\n');
    expect(cards(text)).toEqual([
      { line: 1, Kind: 'organisation', 'Full Name': 'Acme Ltd', 'E-mail 1 - Label': 'Work', 'E-mail 1 - Value': 'sales@acme.test', 'Phone 1 - Label': 'Work', 'Phone 1 - Value': '+1-555-555-5555' },
      { line: 9, Kind: 'organisation', 'Full Name': 'Globex' },
    ]);
  });

  it('keeps emails past the columns in the last one, as Google keeps several values in a cell', () => {
    const emails = Array.from({ length: 10 }, (_, i) => `EMAIL:p${i + 1}@example.com`);
    const [card] = cards(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Many', ...emails, 'END:VCARD'].join('\n'));
    expect(card!['E-mail 8 - Value']).toBe('p8@example.com ::: p9@example.com ::: p10@example.com');
  });

  it('is recognised by its first line, after a byte-order mark', () => {
    expect(looksLikeVcard(Buffer.from('\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\n'))).toBe(true);
    expect(looksLikeVcard(Buffer.from('Name,Email\nBEGIN:VCARD\n'))).toBe(false);
  });
});
