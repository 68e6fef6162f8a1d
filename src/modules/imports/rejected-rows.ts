import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { csvLine } from '../exports/spreadsheet-cells.ts';
import { createImportsRepository } from './imports.repository.ts';
import type { RowProblem } from './transaction-rows.ts';

/** What is wrong with a row, in one cell: "InvoiceDate: Not a date… (31.02.2024); …". */
export function describeProblems(problems: RowProblem[]): string {
  return problems.map((p) => `${p.column ? `${p.column}: ` : ''}${p.message}${p.value !== null ? ` (${p.value})` : ''}`).join('; ');
}

/**
 * Every rejected row of an import as CSV: the file's own columns, as read, plus "error" —
 * fix the cells elsewhere, delete the error column or not, and import the file again.
 */
export async function* rejectedRowsCsv(db: Kysely<DB>, workspaceId: string, importId: string, headers: string[]): AsyncIterable<string> {
  const repo = createImportsRepository(db);
  yield `\uFEFF${csvLine([...headers, 'error'])}`;
  let after = 0;
  for (;;) {
    const rows = await repo.rejections(workspaceId, importId, after, 1000);
    if (rows.length === 0) return;
    let chunk = '';
    for (const r of rows) chunk += csvLine([...headers.map((_, i) => r.cells[i] ?? ''), describeProblems(r.problems)]);
    yield chunk;
    after = rows.at(-1)!.row_number;
  }
}
