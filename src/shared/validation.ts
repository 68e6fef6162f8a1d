import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Validates input outside HTTP (CLI, imports) into the same `request.invalid` error shape. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || 'input',
    code: issue.code,
    message: issue.message,
  }));
  throw new AppError('request.invalid', 400, 'Some fields are not valid', { fields });
}
