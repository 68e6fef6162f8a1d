import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = path.resolve(import.meta.dirname, '../../bin/rapport.js');

/** Runs the real `rapport` command in a child process (SQLite unless env names a DATABASE_URL), in the data directory. */
export async function rapport(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' }, cwd: env.RAPPORT_DATA_DIR, maxBuffer: 10 * 1024 * 1024 });
  child.child.stdin?.end(input ?? '');
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
