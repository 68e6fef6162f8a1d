import fs from 'node:fs';
import path from 'node:path';

/**
 * A public dataset from ../shared/data (beside the checkout), for tests and benchmarks.
 * Null when it is absent (a user's fresh clone): the caller skips and says why.
 */
export function sharedDataFile(relative: string): string | null {
  const root = process.env.RAPPORT_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data');
  const file = path.join(root, relative);
  return fs.existsSync(file) ? file : null;
}

export function missingDataReason(relative: string): string {
  return `skipped: ../shared/data/${relative} is not here (it sits beside the checkout in development and CI; set RAPPORT_SHARED_DATA to point elsewhere)`;
}
