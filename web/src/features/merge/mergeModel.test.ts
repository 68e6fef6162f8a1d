import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../../src/contracts/attributes.ts';
import type { CustomerProfile } from '../../../../src/contracts/customers.ts';
import { mergeFields, mergeRows, takeFor } from './mergeModel.ts';

const industry: Attribute = { id: 'a1', key: 'industry', label: 'Industry', type: 'text', appliesTo: 'organisation', options: [], position: 0 };
const profile = (values: Record<string, string | null>) => ({ values }) as unknown as CustomerProfile;
const valueOf = (p: CustomerProfile, field: string) => (p as unknown as { values: Record<string, string | null> }).values[field] ?? null;

describe('merge rows', () => {
  it('lists the fields of the kind, then its attributes', () => {
    expect(mergeFields('person', [industry])).not.toContain('parentId');
    expect(mergeFields('person', [industry])).not.toContain('attr.industry');
    expect(mergeFields('organisation', [industry])).toEqual(expect.arrayContaining(['parentId', 'website', 'attr.industry']));
    expect(mergeFields('organisation', [])).not.toContain('birthday');
  });

  it('skips fields neither has and prefers the survivor unless it has nothing', () => {
    const survivor = profile({ name: 'Анна Иванова', notes: null, birthday: '1990-01-01' });
    const other = profile({ name: 'Anna Ivanova', notes: 'VIP', birthday: '1990-01-01' });
    const rows = mergeRows(['name', 'notes', 'birthday', 'website'], survivor, other, valueOf);
    expect(rows).toEqual([
      { field: 'name', survivor: 'Анна Иванова', other: 'Anna Ivanova', same: false, preferred: 'survivor' },
      { field: 'notes', survivor: null, other: 'VIP', same: false, preferred: 'other' },
      { field: 'birthday', survivor: '1990-01-01', other: '1990-01-01', same: true, preferred: 'survivor' },
    ]);
    expect(takeFor(rows, { name: 'other' })).toEqual({ name: 'other', notes: 'other' });
    expect(takeFor(rows, { notes: 'survivor' })).toEqual({ name: 'survivor', notes: 'survivor' });
  });
});
