import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useAttributes } from '../attributes/useAttributes.ts';

/** A history entry's field in words: built-in fields from the catalogue, attributes by their label. */
export function useHistoryFieldLabel(): (field: string) => string {
  const { t, has } = useI18n();
  const attributes = useAttributes();
  return useCallback(
    (field: string) => {
      const attributeKey = /^(?:attr|attributes)\.(.+)$/.exec(field)?.[1];
      if (attributeKey) return attributes.data?.find((attribute) => attribute.key === attributeKey)?.label ?? attributeKey;
      if (has(`history.fields.${field}`)) return t(`history.fields.${field}`);
      if (has(`customers.fields.${field}`)) return t(`customers.fields.${field}`);
      return field;
    },
    [t, has, attributes.data],
  );
}
