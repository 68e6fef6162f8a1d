import type { Delimiter } from './table-reader.ts';
import { detectEncoding } from './text-encoding.ts';

/** What kind of text a file's first bytes and lines are: binary or not, and which delimiter splits them. */

/** NUL bytes outside UTF-16, or many control characters: not a text file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, 4096);
  const { encoding } = detectEncoding(start);
  if (encoding.startsWith('utf-16')) return false;
  let control = 0;
  for (const b of start) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > start.length * 0.1;
}

/** The delimiter that splits the sample's lines into the same number of columns most often. */
export function detectDelimiter(lines: string[]): Delimiter {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) return ',';
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of [',', ';', '\t', '|'] as const) {
    const counts = nonEmpty.map((l) => countOutsideQuotes(l, delimiter));
    const score = consistency(counts);
    if (score > best.score) best = { delimiter, score };
  }
  if (best.score > 0) return best.delimiter;
  const spaced = nonEmpty.map((l) => l.trim().split(/\s+/).length - 1);
  return consistency(spaced) > 0 ? 'whitespace' : ',';
}

/** Columns × share of lines agreeing on the most common count (0 when no line is split). */
function consistency(counts: number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  for (const [count, n] of freq) {
    const share = n / counts.length;
    if (share >= 0.6) best = Math.max(best, share * Math.log2(count + 1));
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) n++;
  }
  return n;
}
