import type { Attribute } from '@contracts/attributes.ts';
import { useCallback } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { attributeKeyOf } from './columnModel.ts';

/** A column's or filter field's name: built-in ones from the catalogue, attributes by their own label. */
export function useColumnLabel(attributes: readonly Attribute[]): (column: string) => string {
  const t = useT();
  return useCallback(
    (column: string) => {
      const key = attributeKeyOf(column);
      if (key === null) return t(`customers.fields.${column}`);
      return attributes.find((attribute) => attribute.key === key)?.label ?? key;
    },
    [t, attributes],
  );
}
