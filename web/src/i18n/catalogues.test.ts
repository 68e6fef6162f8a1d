import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../../src/contracts/common.ts';
import { flattenCatalogue, pluralBase } from './translate.ts';

// Every catalogue next to this file, so a new language is checked as soon as its file exists.
const dir = import.meta.dirname;
const catalogues = new Map(
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file.replace(/\.json$/, ''), flattenCatalogue(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))]),
);
const english = catalogues.get('en')!;
const baseKeys = (messages: Map<string, string>) => new Set([...messages.keys()].map(pluralBase));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).toSorted();

describe('catalogues', () => {
  it('exist for every supported locale', () => {
    for (const locale of SUPPORTED_LOCALES) expect(catalogues.has(locale), `${locale}.json`).toBe(true);
  });

  for (const [locale, messages] of catalogues) {
    if (locale === 'en') continue;

    it(`${locale} has exactly the keys of en (plural forms aside)`, () => {
      expect([...baseKeys(messages)].toSorted()).toEqual([...baseKeys(english)].toSorted());
    });

    it(`${locale} uses the same placeholders as en`, () => {
      for (const [key, text] of messages) {
        const base = pluralBase(key);
        const source = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base);
        const expected = placeholders(source ?? '').filter((name) => name !== 'count');
        expect(placeholders(text).filter((name) => name !== 'count'), key).toEqual(expected);
      }
    });
  }

  for (const [locale, messages] of catalogues) {
    it(`${locale} has every plural form its language needs`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const plurals = new Set([...messages.keys()].filter((key) => pluralBase(key) !== key).map(pluralBase));
      for (const base of plurals) {
        for (const category of categories) expect(messages.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
      }
    });

    it(`${locale} has no empty messages`, () => {
      for (const [key, text] of messages) expect(text.trim(), key).not.toBe('');
    });
  }
});

describe('keys used in the code', () => {
  it('exist in the English catalogue', () => {
    const root = path.resolve(dir, '..');
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'));
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      // Literal keys only: t('nav.today'), t(`roles.${role}.name`) is checked through its parts elsewhere.
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        const key = match[1]!;
        if (!english.has(key) && !english.has(`${key}_other`)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
