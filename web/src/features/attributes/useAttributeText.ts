import type { Attribute, AttributeValue } from '@contracts/attributes.ts';
import { useCallback } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useSession } from '../auth/useSession.ts';
import { attributeText } from './attributeValue.ts';

/** Formats attribute values in the UI language and the workspace currency. */
export function useAttributeText(): (attribute: Attribute, value: AttributeValue | undefined) => string | null {
  const t = useT();
  const format = useFormat();
  const { workspace } = useSession();
  return useCallback(
    (attribute, value) =>
      attributeText(attribute, value, workspace.baseCurrency, { ...format, yes: t('common.yes'), no: t('common.no') }),
    [t, format, workspace.baseCurrency],
  );
}
