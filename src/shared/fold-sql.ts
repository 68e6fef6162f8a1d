import { normalizeText } from './text.ts';

/** Letters whose folded form (normalizeText) is one other letter: Latin, Greek and Cyrillic blocks. */
function foldPairs(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [[0x41, 0x5a], [0xc0, 0x24f], [0x370, 0x3ff], [0x400, 0x52f], [0x1e00, 0x1eff]];
  for (const [first, last] of ranges) {
    for (let code = first; code <= last; code++) {
      const ch = String.fromCodePoint(code);
      const folded = normalizeText(ch);
      if (folded.length === 1 && folded !== ch) {
        from += ch;
        to += folded;
      }
    }
  }
  return { from, to };
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * PostgreSQL's rapport_fold(text), the same folding as SQLite's (sqlite-pragmas.js) for the
 * alphabets users write in: lower() then a translate() table built from normalizeText, so
 * neither the database's locale nor the unaccent extension matters.
 */
export function postgresFoldFunction(): string {
  const { from, to } = foldPairs();
  return `create or replace function rapport_fold(text) returns text language sql immutable strict parallel safe as $$
  select btrim(regexp_replace(replace(translate(lower($1), ${quote(from)}, ${quote(to)}), 'ß', 'ss'), '\\s+', ' ', 'g'))
$$`;
}
