import type { Attribute } from '@contracts/attributes.ts';
import { MERGE_FIELDS, type CustomerProfile } from '@contracts/customers.ts';

export type Side = 'survivor' | 'other';

export interface MergeRow {
  /** A MERGE_FIELDS name or attr.<key>. */
  field: string;
  survivor: string | null;
  other: string | null;
  /** Both hold the same value: nothing to choose. */
  same: boolean;
  /** The server's default: the survivor's value, or the other's when the survivor has none. */
  preferred: Side;
}

/** The fields two customers can differ in: the fixed ones, then the attributes that apply to them. */
export function mergeFields(kind: CustomerProfile['kind'], attributes: readonly Attribute[]): string[] {
  const fixed = MERGE_FIELDS.filter((field) => (kind === 'person' ? field !== 'parentId' && field !== 'website' : field !== 'birthday'));
  const applicable = attributes.filter((attribute) => attribute.appliesTo === 'both' || attribute.appliesTo === kind);
  return [...fixed, ...applicable.map((attribute) => `attr.${attribute.key}`)];
}

/** One row per field that either customer has a value for. */
export function mergeRows(
  fields: readonly string[],
  survivor: CustomerProfile,
  other: CustomerProfile,
  valueOf: (profile: CustomerProfile, field: string) => string | null,
): MergeRow[] {
  return fields.flatMap((field) => {
    const mine = valueOf(survivor, field);
    const theirs = valueOf(other, field);
    if (mine === null && theirs === null) return [];
    return [{ field, survivor: mine, other: theirs, same: mine === theirs, preferred: mine === null ? 'other' : 'survivor' }];
  });
}

/** The `take` of the merge request: every differing field, with the side the user chose. */
export function takeFor(rows: readonly MergeRow[], chosen: Readonly<Record<string, Side>>): Record<string, Side> {
  return Object.fromEntries(rows.filter((row) => !row.same).map((row) => [row.field, chosen[row.field] ?? row.preferred]));
}
