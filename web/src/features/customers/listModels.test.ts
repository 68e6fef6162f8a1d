import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../../src/contracts/attributes.ts';
import { availableColumns, isSortable, toggleColumn, visibleColumns } from './columnModel.ts';
import { attributeFilterField, BASE_FILTER_FIELDS, buildFilter, opKey, OPS_BY_TYPE, VALUE_FILTER_FIELDS } from './filterModel.ts';

const size: Attribute = { id: 'a1', key: 'size', label: 'Size', type: 'number', appliesTo: 'both', options: [], position: 0 };
const budget: Attribute = { id: 'a2', key: 'budget', label: 'Budget', type: 'money', appliesTo: 'both', options: [], position: 1 };
const EUR = { currency: 'EUR', locale: 'ru' };
const field = (key: string) => BASE_FILTER_FIELDS.find((candidate) => candidate.key === key)!;

describe('buildFilter', () => {
  it('needs no value to test for presence', () => {
    expect(buildFilter(field('email'), 'empty', '', EUR)).toEqual({ field: 'email', op: 'empty' });
  });

  it('waits for a value before making a filter', () => {
    expect(buildFilter(field('city'), 'contains', '  ', EUR)).toBeNull();
    expect(buildFilter(field('createdAt'), 'gte', '5.3.2026', EUR)).toBeNull();
    expect(buildFilter(attributeFilterField(size), 'gt', 'ten', EUR)).toBeNull();
  });

  it('sends numbers as numbers and money in minor units', () => {
    expect(buildFilter(attributeFilterField(size), 'gt', '12,5', EUR)).toEqual({ field: 'attr.size', op: 'gt', value: 12.5 });
    expect(buildFilter(attributeFilterField(budget), 'gte', '1 234,56', EUR)).toEqual({ field: 'attr.budget', op: 'gte', value: 123456 });
    expect(buildFilter(attributeFilterField(budget), 'lt', '1000', { currency: 'JPY', locale: 'en' })).toEqual({ field: 'attr.budget', op: 'lt', value: 1000 });
  });

  it('sends yes/no as a boolean and "any of" as a list', () => {
    const vip: Attribute = { ...size, key: 'vip', type: 'boolean' };
    expect(buildFilter(attributeFilterField(vip), 'eq', 'false', EUR)).toEqual({ field: 'attr.vip', op: 'eq', value: false });
    expect(buildFilter(field('kind'), 'eq', 'person', EUR)).toEqual({ field: 'kind', op: 'eq', value: 'person' });
    expect(buildFilter(field('tag'), 'in', ['t1', 't2'], EUR)).toEqual({ field: 'tag', op: 'in', value: ['t1', 't2'] });
    expect(buildFilter(field('tag'), 'in', [], EUR)).toBeNull();
  });

  it('offers each type only comparisons that make sense', () => {
    expect(OPS_BY_TYPE.text).toContain('contains');
    expect(OPS_BY_TYPE.number).not.toContain('contains');
    expect(OPS_BY_TYPE.kind).toEqual(['eq']);
    expect(opKey('day', 'gt')).toBe('date_gt');
    expect(opKey('tag', 'neq')).toBe('tag_neq');
    expect(opKey('multichoice', 'contains')).toBe('has');
    expect(opKey('text', 'contains')).toBe('contains');
  });
});

describe('columns', () => {
  it('keeps the name first and drops columns of deleted attributes', () => {
    expect(visibleColumns(['email', 'attr.gone', 'attr.size'], [size])).toEqual(['name', 'email', 'attr.size']);
  });

  it('adds a column in the chooser order and removes it again', () => {
    const chosen = toggleColumn(['name', 'attr.size'], 'email', true, [size]);
    expect(chosen).toEqual(['name', 'email', 'attr.size']);
    expect(toggleColumn(chosen, 'email', false, [size])).toEqual(['name', 'attr.size']);
  });

  it('sorts by built-in fields and attributes, not by tags', () => {
    expect(isSortable('attr.size')).toBe(true);
    expect(isSortable('completeness')).toBe(true);
    expect(isSortable('tags')).toBe(false);
  });
});

const value = (key: string) => VALUE_FILTER_FIELDS.find((candidate) => candidate.key === key)!;

describe('customer-value fields', () => {
  it('filters tiers, segments and lapse states from fixed lists', () => {
    expect(buildFilter(value('rfmSegment'), 'eq', 'champions', EUR)).toEqual({ field: 'rfmSegment', op: 'eq', value: 'champions' });
    expect(buildFilter(value('lapseState'), 'in', ['at_risk', 'lapsed'], EUR)).toEqual({ field: 'lapseState', op: 'in', value: ['at_risk', 'lapsed'] });
    expect(value('tier').choices?.values).toEqual(['gold', 'silver', 'other']);
    expect(value('tier').choices?.labelKey('gold')).toBe('value.tier.gold');
  });

  it('sends revenue in minor units and P(alive) as a fraction', () => {
    expect(buildFilter(value('revenue365'), 'gte', '100', { currency: 'USD', locale: 'en' })).toEqual({ field: 'revenue365', op: 'gte', value: 10000 });
    expect(buildFilter(value('pAlive'), 'lt', '30', EUR)).toEqual({ field: 'pAlive', op: 'lt', value: 0.3 });
  });

  it('offers the value columns in the chooser, sortable', () => {
    expect(availableColumns([])).toEqual(expect.arrayContaining(['tier', 'revenue365', 'rfmSegment', 'pAlive', 'valueRank']));
    expect(isSortable('revenue365')).toBe(true);
    expect(isSortable('lapseState')).toBe(true);
  });
});
