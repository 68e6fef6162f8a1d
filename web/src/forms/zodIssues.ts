import type { FieldIssue } from '@contracts/common.ts';
import type { z } from 'zod';

/**
 * Zod issues in the same shape and codes the server sends in `details.fields`
 * (see src/server/errors.plugin.ts), so one catalogue section translates both.
 */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: codeOf(issue),
    message: issue.message,
    params: paramsOf(issue),
  }));
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format') return `invalid_${issue.format}`;
  if (issue.code === 'custom') {
    const custom = (issue.params as { code?: unknown } | undefined)?.code;
    if (typeof custom === 'string') return custom;
  }
  return issue.code;
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> | undefined {
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum), origin: issue.origin };
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum), origin: issue.origin };
  return undefined;
}
