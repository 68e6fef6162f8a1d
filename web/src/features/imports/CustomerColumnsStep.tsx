import { DATE_FORMATS } from '@contracts/imports.ts';
import { Alert, Button, Card, Group, Input, Loader, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId } from 'react';
import type { CustomerInspection } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerMappingTable } from './CustomerMappingTable.tsx';
import { CustomerPreviewTable } from './CustomerPreviewTable.tsx';
import { NAMING_FIELDS, namesCustomers, withCustomerFormat, withCustomerMapping, withCustomerRead, type CustomerSettings } from './customerImportModel.ts';
import { FormatControls } from './FormatControls.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { DateFormat } from './importFields.ts';
import { withColumnField } from './mappingModel.ts';
import type { CustomerOverrides } from './useCustomerInspection.ts';

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
  const decimalLabel = useId();
  const named = namesCustomers(settings.mapping);
  return (
    <Stack gap="md">
      {error !== null && <ImportErrorAlert error={error} />}
      <Panel title={t('imports.format.title')}>
        <FormatControls format={settings.format} sheets={inspection.sheets} onChange={(patch) => onOverrides(withCustomerFormat(overrides, patch))} />
      </Panel>
      <Panel title={t('imports.mapping.title')} description={t('imports.mapping.customersDescription', { file: inspection.fileName })}>
        <CustomerMappingTable
          inspection={inspection}
          mapping={settings.mapping}
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
          <Select
            label={t('imports.read.dateFormat')}
            description={t('imports.read.customersDateHint')}
            allowDeselect={false}
            value={settings.read.dateFormat}
            onChange={(value) => value && onOverrides(withCustomerRead(overrides, { dateFormat: value as DateFormat }))}
            data={DATE_FORMATS.map((value) => ({ value, label: t(`imports.read.dateFormats.${value}`) }))}
          />
          <Input.Wrapper label={t('imports.read.decimal')} description={t('imports.read.customersDecimalHint')} labelElement="div" labelProps={{ id: decimalLabel }}>
            <SegmentedControl
              aria-labelledby={decimalLabel}
              value={settings.read.decimal}
              onChange={(value) => onOverrides(withCustomerRead(overrides, { decimal: value === ',' ? ',' : '.' }))}
              fullWidth
              mt={4}
              data={[
                { value: '.', label: t('imports.read.decimalDot') },
                { value: ',', label: t('imports.read.decimalComma') },
              ]}
            />
          </Input.Wrapper>
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
