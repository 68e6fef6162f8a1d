/**
 * Which text encoding a file is in: a byte-order mark decides; otherwise UTF-8 when the
 * bytes are valid UTF-8, else Windows-1251 (the usual non-UTF-8 export of Russian software)
 * or, when its letters read as accented Latin ones, Windows-1252 (Outlook's desktop export in
 * Western Europe) — unless the user overrides it.
 */
import { ENCODINGS } from '../../contracts/imports.ts';

export { ENCODINGS };
export type TextEncodingName = (typeof ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a mark: every other byte zero in ASCII-heavy text.
  const zeros = (offset: number) => sample.filter((b, i) => i % 2 === offset && b === 0).length;
  const half = Math.floor(Math.min(sample.length, 4096) / 2);
  if (half > 8 && zeros(1) > half * 0.4 && zeros(0) < half * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (half > 8 && zeros(0) > half * 0.4 && zeros(1) < half * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  if (utf8Evidence(sample)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: latinLetters(sample) ? 'windows-1252' : 'windows-1251', bomLength: 0 };
}

const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/**
 * Whether the bytes above 0xC0 are accented letters inside Latin words (Windows-1252: "Müller",
 * "Café") rather than whole words of their own (Windows-1251, where 0xC0–0xFF are the Cyrillic
 * alphabet: "Петров" is six such bytes in a row). The same bytes decode in both, so only their
 * neighbours tell: one beside an ASCII letter against one beside another of them.
 */
function latinLetters(bytes: Uint8Array): boolean {
  let besideAscii = 0;
  let besideHigh = 0;
  for (let i = 1; i < bytes.length; i++) {
    const [a, b] = [bytes[i - 1]!, bytes[i]!];
    if (a < 0xc0 && b < 0xc0) continue;
    if (a >= 0xc0 && b >= 0xc0) besideHigh++;
    else if (isAsciiLetter(a) || isAsciiLetter(b)) besideAscii++;
  }
  return besideAscii > besideHigh;
}

/**
 * UTF-8 when the bytes are valid UTF-8, or when valid multi-byte sequences outnumber the
 * invalid bytes (a UTF-8 file with a few lines pasted from a Windows-1251 one: those lines'
 * bad bytes then show up as rejected cells, rather than every other line as mojibake).
 */
function utf8Evidence(bytes: Uint8Array): boolean {
  if (isUtf8(bytes)) return true;
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let ok = extra >= 0;
    for (let k = 1; ok && k <= extra; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      invalid++;
      i++;
    } else {
      if (extra > 0) valid++;
      i += extra + 1;
    }
  }
  return valid > invalid;
}

/** Valid UTF-8, allowing a sequence cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/** Decodes chunks of bytes into text, a chunk at a time (multi-byte characters may straddle chunks). */
export function createTextDecoder(encoding: TextEncodingName): { write: (chunk: Uint8Array) => string; end: () => string } {
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}

/** U+FFFD marks bytes that were not valid in the file's encoding (a file of mixed encodings). */
export const REPLACEMENT_CHARACTER = '\uFFFD';
