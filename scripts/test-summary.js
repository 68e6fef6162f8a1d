#!/usr/bin/env node
// Adds up the JSON reports of vitest and Playwright into one closing line:
// "tests: N passed, N failed, N skipped".
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results/reports';
let passed = 0;
let failed = 0;
let skipped = 0;

const read = (file) => {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : undefined;
};

const unit = read('vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
const e2e = read('playwright.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
if (!unit && !e2e) failed += 1; // no report at all: something failed before the tests ran
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
