import type { ErrorKeys } from './codedErrors.ts';

export const SOURCE_ERRORS: ErrorKeys = {
  'sources.name_taken': 'sourcesSettings.errors.nameTaken',
  'sources.in_use': 'sourcesSettings.errors.inUse',
  'sources.move_to_self': 'sourcesSettings.errors.moveToSelf',
  'sources.unknown': 'sourcesSettings.errors.unknown',
};
