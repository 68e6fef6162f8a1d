import { SOURCE_ERRORS } from '../sources/sourceErrors.ts';
import type { ErrorKeys } from '../sources/codedErrors.ts';

export const CAMPAIGN_ERRORS: ErrorKeys = {
  ...SOURCE_ERRORS,
  'campaigns.name_taken': 'campaigns.errors.nameTaken',
  'campaigns.dates': 'campaigns.errors.dates',
  'campaigns.code_dates': 'campaigns.errors.codeDates',
  'campaigns.code_repeated': 'campaigns.errors.codeRepeated',
  'campaigns.code_taken': 'campaigns.errors.codeTaken',
  'campaigns.currency_unconvertible': 'campaigns.errors.currencyUnconvertible',
  'campaigns.unknown_list': 'campaigns.errors.unknownList',
};
