import type { Inspection } from '@contracts/imports.ts';
import type { Mapping } from './mappingModel.ts';

export type MappingQuestion = Inspection['questions'][number];
export type PreviewOrder = Inspection['orders'][number];

/** A catalogue key and its values, or the server's own words when the catalogue has nothing for them. */
export type Said = { key: string; vars?: Record<string, string> } | { text: string };

/**
 * Why a row was left out, in the catalogue's words: the server says it in English
 * ("above the header: "…"", "not a purchase: Financial Status "voided"", "a totals row").
 * Anything else keeps the server's words.
 */
export function skippedReason(reason: string): Said {
  const above = /^above the header: "(.*)"$/s.exec(reason);
  if (above) return { key: 'imports.skipped.above', vars: { text: above[1]! } };
  const notPurchase = /^not a purchase: (.+?) "(.*)"$/s.exec(reason);
  if (notPurchase) return { key: 'imports.skipped.notPurchase', vars: { column: notPurchase[1]!, value: notPurchase[2]! } };
  if (reason === 'a totals row') return { key: 'imports.skipped.totals' };
  return { text: reason };
}

/**
 * What a question is about: a column whose values look like the field though its name says
 * nothing ("values"), or one whose name says the field though its values do not fit ("header").
 */
export function questionKind(question: Pick<MappingQuestion, 'message'>): 'values' | 'header' {
  return /by its values/.test(question.message) ? 'values' : 'header';
}

/** Whether the wizard reads the question's column as its field now (the user said yes, or Rapport did meanwhile). */
export function questionAnswered(question: Pick<MappingQuestion, 'field' | 'column'>, mapping: Mapping): boolean {
  return mapping[question.field] === question.column;
}

/** An order's lines as a short list: how many, the first few descriptions, and how many more. */
export function linesSummary(lines: PreviewOrder['lines'], shown = 2): { count: number; names: string[]; more: number } {
  const names = lines.map((line) => line.description?.trim()).filter((name): name is string => Boolean(name));
  const first = names.slice(0, shown);
  return { count: lines.length, names: first, more: lines.length - first.length };
}
