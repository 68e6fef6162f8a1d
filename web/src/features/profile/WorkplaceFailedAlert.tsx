import { Alert } from '@mantine/core';
import { useLocation } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';

/** Navigation state left by "Add customer" for the new profile. */
export interface CreatedState {
  workplaceFailed?: boolean;
}

/** The person was created but linking their workplace failed: say so where it can be added again. */
export function WorkplaceFailedAlert() {
  const t = useT();
  const location = useLocation();
  if (!(location.state as CreatedState | null)?.workplaceFailed) return null;
  return (
    <Alert color="yellow" variant="light" role="alert" mb="sm">
      {t('employments.addFailed')}
    </Alert>
  );
}
