import fs from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const HEADER = '# Benchmarks\n\nMeasured on the development machine by the scripts in `bench/`; each section is rewritten by its script.\nTimes drift on shared machines, so each target is a ratio against a reference measured in the same run.\n';

/** Replaces (or appends) one benchmark's section of docs/benchmarks.md. */
export function writeBenchmarkSection(id: string, title: string, body: string): void {
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : HEADER;
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = `${start}\n## ${title}\n\n${body}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(FILE, next);
}
