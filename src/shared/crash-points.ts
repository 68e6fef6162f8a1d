/**
 * Named points where a test can have the process killed outright (SIGKILL: no finally, no
 * cleanup, as a power cut or `kill -9`). `RAPPORT_CRASH_AT=<point>:<n>` kills the process the
 * n-th time it passes that point; unset, a point costs a counter increment.
 */
const target = parseTarget(process.env.RAPPORT_CRASH_AT);
const passes = new Map<string, number>();

export function crashPoint(point: string): void {
  if (!target || target.point !== point) return;
  const n = (passes.get(point) ?? 0) + 1;
  passes.set(point, n);
  if (n === target.n) process.kill(process.pid, 'SIGKILL');
}

function parseTarget(value: string | undefined): { point: string; n: number } | null {
  const m = value ? /^([\w.-]+):(\d+)$/.exec(value) : null;
  return m ? { point: m[1]!, n: Number(m[2]) } : null;
}
