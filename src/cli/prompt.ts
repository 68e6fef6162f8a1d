import { createInterface } from 'node:readline/promises';

/** Reads a secret from stdin: one line, for scripts (`--password-stdin`). */
export async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}
