import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CustomerInspection } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { Panel } from '../../ui/Panel.tsx';
import { CustomerPreviewTable } from './CustomerPreviewTable.tsx';
import { NAMING_FIELDS, namesCustomers, withCustomerFormat, withCustomerMapping, withCustomerRead, type CustomerSettings } from './customerImportModel.ts';
import { DateDecimalFields } from './DateDecimalFields.tsx';
import { FormatControls } from './FormatControls.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { MappingTable } from './MappingTable.tsx';
import { withColumnField } from './mappingModel.ts';
import { useCustomerFieldChoices } from './useFieldChoices.ts';
import type { CustomerOverrides } from './useInspection.ts';

interface CustomerColumnsStepProps {
  inspection: CustomerInspection;
  settings: CustomerSettings;
  overrides: CustomerOverrides;
  onOverrides: (overrides: CustomerOverrides) => void;
  refreshing: boolean;
  ready: boolean;
  error: unknown;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2 for a customers file: how it is written, what each column means, how dates and numbers are read, and a preview. */
export function CustomerColumnsStep({ inspection, settings, overrides, onOverrides, refreshing, ready, error, onBack, onNext }: CustomerColumnsStepProps) {
  const t = useT();
  const named = namesCustomers(settings.mapping);
  const choices = useCustomerFieldChoices(inspection);
  return (
    <Stack gap="md">
      {error !== null && <ImportErrorAlert error={error} />}
      <Panel title={t('imports.format.title')}>
        <FormatControls format={settings.format} sheets={inspection.sheets} onChange={(patch) => onOverrides(withCustomerFormat(overrides, patch))} />
      </Panel>
      <Panel title={t('imports.mapping.title')} description={t('imports.mapping.customersDescription', { file: inspection.fileName })}>
        {inspection.source && (
          <Alert color="blue" variant="light" mb="md" role="status">
            {t('imports.mapping.contactsDetected', { system: inspection.source.system, notes: inspection.source.notes })}
          </Alert>
        )}
        <MappingTable
          inspection={inspection}
          mapping={settings.mapping}
          choices={choices}
          onChange={(header, field) => onOverrides(withCustomerMapping(overrides, withColumnField<string>(settings.mapping, header, field)))}
        />
        {!named && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} mt="md" role="status">
            {t('imports.mapping.customersMissing', { fields: NAMING_FIELDS.map((field) => t(`imports.customerFields.${field}.label`)).join(', ') })}
          </Alert>
        )}
      </Panel>
      <Panel title={t('imports.read.title')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <DateDecimalFields
            dateFormat={settings.read.dateFormat}
            decimal={settings.read.decimal}
            dateHint={t('imports.read.customersDateHint')}
            decimalHint={t('imports.read.customersDecimalHint')}
            onChange={(patch) => onOverrides(withCustomerRead(overrides, patch))}
          />
        </SimpleGrid>
      </Panel>
      <Panel
        title={t('imports.preview.title')}
        description={t('imports.preview.customersDescription', { count: inspection.preview.length })}
        actions={refreshing && <Loader size="sm" aria-label={t('imports.preview.refreshing')} />}
      >
        <CustomerPreviewTable preview={inspection.preview} headers={inspection.headers} />
      </Panel>
      <Card withBorder radius="lg" p="lg">
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onBack}>
            {t('imports.back')}
          </Button>
          <Button onClick={onNext} disabled={!named || !ready}>
            {t('imports.columns.next')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
