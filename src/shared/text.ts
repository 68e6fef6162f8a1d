/**
 * Text normalisation for search and matching: lower case, accents and diacritics removed
 * (Müller → muller, Ёлкин → елкин), whitespace collapsed. The same function runs on stored
 * text and on queries, so matching is case- and accent-insensitive in Latin and Cyrillic on
 * both databases without relying on their collations.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The digits of a phone number, for searching "+44 (20) 7946-0958" as "2079460958". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** What makes two emails or two phones "the same" for duplicate detection. */
export function contactMatchKey(kind: 'email' | 'phone', value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : phoneDigits(value).slice(-10);
}

/** Escapes LIKE wildcards so user text matches literally (used with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
