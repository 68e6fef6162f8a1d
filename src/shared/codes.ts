import { randomInt } from 'node:crypto';

/** Characters of codes people read aloud or type: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random run of code characters; `draw` picks an index below its argument (crypto by default, seeded in the demo). */
export function randomCodePart(length: number, draw: (below: number) => number = randomInt): string {
  return Array.from({ length }, () => CODE_ALPHABET[draw(CODE_ALPHABET.length)]).join('');
}

/** How coupon and referral codes are compared and stored: trimmed, upper-cased. */
export const codeKey = (code: string) => code.trim().toUpperCase();
