import type { Inspection, TransactionField } from '@contracts/imports.ts';
import { useMemo } from 'react';
import type { CustomerInspection } from '../../api/importsApi.ts';
import { useI18n, useT } from '../../i18n/i18nContext.ts';
import { customerFieldOptions, isBuiltInCustomerField } from './customerImportModel.ts';
import { fieldOptions, IGNORE, isTransactionField } from './importFields.ts';
import type { FieldChoices } from './MappingTable.tsx';

/** A purchases file's columns are read as transaction fields; a badge says why Rapport proposed one. */
export function useTransactionFieldChoices(inspection: Inspection): FieldChoices<TransactionField> {
  const t = useT();
  return useMemo(
    () => ({
      options: fieldOptions(t),
      help: (field) => (isTransactionField(field) ? t(`imports.fields.${field}.help`) : null),
      fieldOf: (value) => (isTransactionField(value) ? value : null),
      proposal: (header, field) => (inspection.proposed[field] === header ? inspection.reasons[field] : undefined),
    }),
    [t, inspection.proposed, inspection.reasons],
  );
}

/** A customers file's columns are read as customer fields or the workspace's attributes. */
export function useCustomerFieldChoices(inspection: CustomerInspection): FieldChoices<string> {
  const { t, has } = useI18n();
  return useMemo(() => {
    const keys = new Set(inspection.fields.map((field) => field.key));
    return {
      options: customerFieldOptions(t, inspection.fields),
      help: (key) => {
        if (isBuiltInCustomerField(key)) return has(`imports.customerFields.${key}.help`) ? t(`imports.customerFields.${key}.help`) : null;
        return keys.has(key) ? t('imports.customerFields.attributeHelp') : null;
      },
      fieldOf: (value) => (value !== IGNORE && keys.has(value) ? value : null),
    };
  }, [t, has, inspection.fields]);
}
