import type { Inspection } from '@contracts/imports.ts';
import type { Overrides } from './useInspection.ts';
import type { Mapping } from './mappingModel.ts';

export type ImportSettings = Inspection['settings'];
type Format = ImportSettings['format'];
type Read = ImportSettings['read'];
type Options = ImportSettings['options'];

/** The settings on screen: Rapport's reading of the file, with the user's changes on top. */
export function effectiveSettings(inspected: ImportSettings, overrides: Overrides): ImportSettings {
  return {
    format: { ...inspected.format, ...overrides.format },
    mapping: overrides.mapping ?? inspected.mapping,
    read: { ...inspected.read, ...overrides.read },
    options: { ...inspected.options, ...overrides.options },
  };
}

/**
 * Another encoding, delimiter or header row gives other columns: the mapping is proposed
 * again for them instead of keeping one that names columns the file no longer has.
 */
export function withFormat(overrides: Overrides, patch: Partial<Format>): Overrides {
  const { mapping: _dropped, ...rest } = overrides;
  return { ...rest, format: { ...overrides.format, ...patch } };
}

export function withMapping(overrides: Overrides, mapping: Mapping): Overrides {
  return { ...overrides, mapping };
}

export function withRead(overrides: Overrides, patch: Partial<Read>): Overrides {
  return { ...overrides, read: { ...overrides.read, ...patch } };
}

export function withOptions(overrides: Overrides, patch: Partial<Options>): Overrides {
  return { ...overrides, options: { ...overrides.options, ...patch } };
}
