import { describe, expect, it } from 'vitest';
import { createDelimitedParser, parseDelimited } from './delimited-parser.ts';
import { detectDateFormat, parseDateParts, toInstant } from './date-values.ts';
import { detectDecimalSeparator, lineAmountMinor, lineAmountMinorNumber, parseDecimal, toScaledInteger, toScaledNumber } from './number-values.ts';
import { detectDelimiter } from './format-detection.ts';
import { detectEncoding } from './text-encoding.ts';

describe('delimited parser', () => {
  it('reads quotes, escaped quotes, line breaks inside quotes and every line ending, with line numbers', () => {
    const text = 'a,b\r\n"x ""y"", z",2\r\n"multi\nline",3\n4,5"6\r7,8';
    expect(parseDelimited(text, ',')).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['x "y", z', '2'] },
      { number: 3, cells: ['multi\nline', '3'] },
      { number: 5, cells: ['4', '5"6'] },
      { number: 6, cells: ['7', '8'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'id;name;note\r\n1;"Анна ""А""";"a;b"\r\n2;Борис;"line\r\nbreak"\r\n';
    const whole = parseDelimited(text, ';');
    for (let size = 1; size <= 7; size++) {
      const parser = createDelimitedParser(';');
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.write(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records).toEqual(whole);
    }
  });

  it('reads random text the same in one piece as a character at a time', () => {
    // Whole lines without quotes are split in one step; a character at a time never holds a
    // whole line, so the two runs take different paths to what must be the same records.
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 2_000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += ['a', 'b', ',', ',', '"', '\r', '\n', '\n', '\r\n', 'Ж'][Math.floor(random() * 10)];
      const whole = parseDelimited(text, ',');
      const parser = createDelimitedParser(',');
      const pieces = [];
      for (const ch of text) pieces.push(...parser.write(ch));
      pieces.push(...parser.end());
      expect([text, pieces]).toEqual([text, whole]);
    }
  });

  it('reads around a quote that is never closed, and says where it was', () => {
    const parser = createDelimitedParser(',');
    const records = [...parser.write('a,b\n1,"oops\n2,3\n'), ...parser.end()];
    expect(records).toEqual([{ number: 1, cells: ['a', 'b'] }, { number: 2, cells: ['1', '"oops'] }, { number: 3, cells: ['2', '3'] }]);
    expect(parser.recoveredFromLine()).toBe(2);
  });

  it('detects the delimiter from the lines, quotes included', () => {
    expect(detectDelimiter(['a;b;c', '1;"2;x";3', '4;5;6'])).toBe(';');
    expect(detectDelimiter(['a\tb', '1\t2'])).toBe('\t');
    expect(detectDelimiter([' 00001 19970101  1   11.77', ' 00002 19970112  1   12.00'])).toBe('whitespace');
    expect(detectDelimiter(['name,"city, country"', 'Ann,"Paris, France"'])).toBe(',');
  });
});

// Text encoded by hand, not by the decoder under test: ü = 0xFC, é = 0xE9… in 1252; А–я = 0xC0–0xFF in 1251.
const latin = (text: string) => Buffer.from([...text].map((c) => ({ ü: 0xfc, é: 0xe9, ë: 0xeb, ß: 0xdf })[c] ?? c.charCodeAt(0)));
const cyrillic = (text: string) => Buffer.from([...text].map((c) => (c >= 'А' && c <= 'я' ? 0xc0 + c.charCodeAt(0) - 0x410 : c.charCodeAt(0))));

describe('encodings', () => {
  it('tells UTF-8 (with and without BOM), UTF-16 and Windows-1251 apart', () => {
    expect(detectEncoding(Buffer.from('\uFEFFИмя', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from('Имя,Дата', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x18, 0x04]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from([0xc8, 0xec, 0xff, 0x2c, 0xc4, 0xe0, 0xf2, 0xe0]))).toEqual({ encoding: 'windows-1251', bomLength: 0 });
  });

  it('tells Windows-1252 (accented letters inside Latin words) from Windows-1251 (Cyrillic words, Latin ones beside them)', () => {
    expect(detectEncoding(latin('First Name,Company\r\nZoë,Müller Café\r\nJürgen,Weiß GmbH\r\n'))).toEqual({ encoding: 'windows-1252', bomLength: 0 });
    expect(detectEncoding(cyrillic('Номенклатура;Сумма\r\nКартридж HP 85A;12 450,00\r\nБумага A4 Xerox;7 780,00\r\n'))).toEqual({ encoding: 'windows-1251', bomLength: 0 });
  });
});

// A reference written differently from the parser: digits and a point, zeros trimmed by hand.
const canonical = (text: string): string | null => {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || !/\d/.test(text)) return null;
  const whole = m[2]!.replace(/^0+/, '') || '0';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return m[1] && body !== '0' ? `-${body}` : body;
};

describe('numbers', () => {
  it.each([
    ['2.55', '.', '2.55'],
    ['1 234,56', ',', '1234.56'],
    ['1,234.56', '.', '1234.56'],
    ['1.234.567,8', ',', '1234567.8'],
    ['€12.50', '.', '12.5'],
    ['12,50 ₽', ',', '12.5'],
    ['(12.50)', '.', '-12.5'],
    ['12.50-', '.', '-12.5'],
    ['-0', '.', '0'],
    ['007', '.', '7'],
    ['1,23,4', '.', null],
    ['12.3.4', '.', null],
    ['abc', '.', null],
  ] as const)('%s with "%s" → %s', (text, decimal, expected) => {
    expect(parseDecimal(text, decimal)).toBe(expected);
  });

  it('writes every plain decimal in one canonical form (no leading or trailing zeros, no "-0")', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(random() * 8);
      let text = '';
      for (let i = 0; i < length; i++) text += '-0.1902'[Math.floor(random() * 7)];
      if (text.lastIndexOf('-') > 0) continue; // a trailing minus is another story (tested above)
      expect([text, parseDecimal(text, '.')]).toEqual([text, canonical(text)]);
    }
  });

  it('decides the decimal separator from a column', () => {
    expect(detectDecimalSeparator(['12,50', '1 300,00', '7'])).toBe(',');
    expect(detectDecimalSeparator(['12.50', '1,300.00', '7'])).toBe('.');
  });

  it('keeps money exact: minor units, rounding half away from zero only at the end', () => {
    expect(toScaledInteger('2.555', 2)).toBe(256n);
    expect(toScaledInteger('-2.555', 2)).toBe(-256n);
    expect(lineAmountMinor('6', '2.55', 2)).toBe(1530n);
    expect(lineAmountMinor('1000', '0.001', 2)).toBe(100n);
    expect(lineAmountMinor('-3', '0.001', 2)).toBe(0n);
    expect(lineAmountMinor('1.5', '0.333', 2)).toBe(50n);
    expect(lineAmountMinor('3', '1000', 0)).toBe(3000n);
    // 0.1 + 0.2 in floats is 0.30000000000000004; here it is exact.
    expect(lineAmountMinor('3', '0.1', 2)).toBe(30n);
    // The number fast paths agree with the exact ones.
    for (const [q, p] of [['6', '2.55'], ['-12', '0.85'], ['1000', '0.001'], ['1.5', '0.333'], ['74215', '1.04'], ['3', '0.1']] as const) {
      expect(lineAmountMinorNumber(q, p, 2)).toBe(Number(lineAmountMinor(q, p, 2)));
    }
    for (const d of ['2.55', '-2.555', '0.001', '1234567.8', '-0.5', '12']) expect(toScaledNumber(d, 2)).toBe(Number(toScaledInteger(d, 2)));
  });
});

function at(text: string, zone: string): string {
  return toInstant(parseDateParts(text, 'iso')!, zone).toISOString();
}

describe('dates', () => {
  it('reads each format and refuses days that do not exist', () => {
    expect(parseDateParts('2024-02-29 13:05', 'iso')).toMatchObject({ year: 2024, month: 2, day: 29, hour: 13, minute: 5 });
    expect(parseDateParts('31.02.2024', 'dmy')).toBeNull();
    expect(parseDateParts('02/29/2024 1:05 PM', 'mdy')).toMatchObject({ month: 2, day: 29, hour: 13 });
    expect(parseDateParts('19970101', 'ymd')).toMatchObject({ year: 1997, month: 1, day: 1 });
    expect(parseDateParts('45352', 'excel')).toMatchObject({ year: 2024, month: 3, day: 1 });
    expect(parseDateParts('45352.5', 'excel')).toMatchObject({ year: 2024, month: 3, day: 1, hour: 12 });
    expect(parseDateParts('2024-03-01T10:00:00+03:00', 'iso')).toMatchObject({ hour: 10, offsetMinutes: 180 });
  });

  it('decides the format from the column: a day above 12 settles dd/mm; otherwise it is ambiguous', () => {
    expect(detectDateFormat(['05.03.2024', '17.03.2024'])).toMatchObject({ format: 'dmy', ambiguous: false });
    expect(detectDateFormat(['03/05/2024', '03/17/2024'])).toMatchObject({ format: 'mdy', ambiguous: false });
    expect(detectDateFormat(['01/02/2024', '03/04/2024'])).toMatchObject({ format: 'dmy', ambiguous: true, candidates: ['dmy', 'mdy'] });
    expect(detectDateFormat(['01/02/2024'], false)).toMatchObject({ format: 'mdy', ambiguous: true });
    expect(detectDateFormat(['2024-01-05', '2024-01-06', 'not a date'])).toMatchObject({ format: 'iso' });
    expect(detectDateFormat(['12', '45'])).toMatchObject({ format: null });
  });

  it('puts wall-clock times in the workspace time zone, across daylight saving', () => {
    expect(at('2024-03-05 00:00', 'Europe/Moscow')).toBe('2024-03-04T21:00:00.000Z');
    expect(at('2024-07-01 12:00', 'Europe/Berlin')).toBe('2024-07-01T10:00:00.000Z');
    expect(at('2024-01-01 12:00', 'Europe/Berlin')).toBe('2024-01-01T11:00:00.000Z');
    expect(at('2024-03-01T10:00:00+03:00', 'Europe/Berlin')).toBe('2024-03-01T07:00:00.000Z');
  });
});
