import type { ErrorKeys } from '../sources/codedErrors.ts';

export const REASON_ERRORS: ErrorKeys = {
  'reasons.name_taken': 'reasons.errors.nameTaken',
  'reasons.in_use': 'reasons.errors.inUse',
  'reasons.move_to_self': 'reasons.errors.moveToSelf',
  'reasons.unknown': 'reasons.errors.unknown',
  'reasons.wrong_kind': 'reasons.errors.wrongKind',
};
