import type { Expression, Kysely, SqlBool } from 'kysely';
import { describeFilterError, FilterSyntaxError, parseFilter, type FilterNode } from '../../contracts/filter-syntax.ts';
import type { Locale } from '../../contracts/common.ts';
import { dialectOf } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { dayIn } from '../../shared/days.ts';
import { AppError } from '../../shared/errors.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import { currencyExponent } from '../imports/number-values.ts';
import { createSegmentsRepository } from '../segments/segments.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { compileFilter, type FilterContext } from './filter-compiler.ts';

/** The workspace's names, zone, currency and today, as compiling a filter needs them. */
export async function filterContext(db: Kysely<DB>, workspaceId: string, now: Date): Promise<FilterContext> {
  const [workspace, attributes, segments] = await Promise.all([
    createWorkspacesRepository(db).getWorkspace(workspaceId),
    listAttributes({ db }, workspaceId),
    createSegmentsRepository(db).refs(workspaceId),
  ]);
  if (!workspace) throw new AppError('workspaces.not_found', 404, 'The workspace does not exist');
  return {
    dialect: dialectOf(db),
    zone: workspace.time_zone,
    today: dayIn(now, workspace.time_zone),
    currencyExponent: currencyExponent(workspace.base_currency),
    attributes,
    segments,
    parse: parseFilter,
  };
}

/** A filter problem as the API's one error shape, in the user's language; details say where. */
export function filterError(error: FilterSyntaxError, locale: Locale | string = 'en'): AppError {
  const lang = locale === 'ru' ? 'ru' : 'en';
  return new AppError('filters.invalid', 400, describeFilterError(error.problem, lang), { problem: error.problem, at: error.problem.at, message: { en: describeFilterError(error.problem, 'en'), ru: describeFilterError(error.problem, 'ru') } });
}

/** Parses and compiles, turning syntax and name errors into filters.invalid. */
export function compileTree(text: string, ctx: FilterContext, locale?: string): { tree: FilterNode | null; where: Expression<SqlBool> | null } {
  try {
    const tree = parseFilter(text);
    return { tree, where: tree ? compileFilter(tree, ctx) : null };
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw filterError(error, locale);
    throw error;
  }
}

/** The filter text as one SQL condition on customers `c` (null: no filter). */
export async function compileFilterText(db: Kysely<DB>, workspaceId: string, text: string, now: Date, locale?: string): Promise<Expression<SqlBool> | null> {
  if (!text.trim()) return null;
  return compileTree(text, await filterContext(db, workspaceId, now), locale).where;
}
