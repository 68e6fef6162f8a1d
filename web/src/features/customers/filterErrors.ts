import { describeFilterError, FilterSyntaxError, parseFilter, type FilterNode, type FilterProblem } from '@contracts/filter-syntax.ts';
import { isApiError } from '../../api/ApiError.ts';

/** A filter's mistake: where it is (0-based character) and what it is, in the user's language. */
export interface FilterMistake {
  at: number;
  message: string;
}

/** Parses as the user types: the tree, or the syntax mistake. */
export function parseFilterText(text: string, lang: 'en' | 'ru'): { tree: FilterNode | null; mistake: FilterMistake | null } {
  try {
    return { tree: parseFilter(text), mistake: null };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { tree: null, mistake: { at: error.problem.at, message: describeFilterError(error.problem, lang) } };
    throw error;
  }
}

/** The server's `filters.invalid` (an unknown field, a type mismatch…) as a mistake; null for any other error. */
export function serverFilterMistake(error: unknown, lang: 'en' | 'ru'): FilterMistake | null {
  if (!isApiError(error) || error.code !== 'filters.invalid') return null;
  const details = (error.details ?? {}) as { problem?: FilterProblem; at?: number; message?: { en?: string; ru?: string } };
  const at = typeof details.at === 'number' ? details.at : (details.problem?.at ?? 0);
  const message = details.message?.[lang] ?? (details.problem ? describeFilterError(details.problem, lang) : error.message);
  return { at, message };
}

/** The line of the text holding character `at`, and a caret under that character. */
export function caretLines(text: string, at: number): { line: string; caret: string } {
  const position = Math.max(0, Math.min(at, text.length));
  const start = text.lastIndexOf('\n', position - 1) + 1;
  const endAt = text.indexOf('\n', position);
  const line = text.slice(start, endAt === -1 ? text.length : endAt);
  return { line, caret: `${' '.repeat(position - start)}^` };
}
