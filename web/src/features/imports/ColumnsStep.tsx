import type { Inspection, TransactionField } from '@contracts/imports.ts';
import { Alert, Button, Card, Group, Loader, Select, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { Panel } from '../../ui/Panel.tsx';
import { FormatControls } from './FormatControls.tsx';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { MappingQuestions } from './MappingQuestions.tsx';
import { MappingTable } from './MappingTable.tsx';
import { applySavedMapping, missingFields, withColumnField } from './mappingModel.ts';
import { OrdersPreview } from './OrdersPreview.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { ReadOptions } from './ReadOptions.tsx';
import { SkippedRows } from './SkippedRows.tsx';
import { SourceAlert } from './SourceAlert.tsx';
import { withFormat, withMapping, withOptions, withRead, type ImportSettings } from './settingsModel.ts';
import { useTransactionFieldChoices } from './useFieldChoices.ts';
import type { Overrides } from './useInspection.ts';

interface ColumnsStepProps {
  inspection: Inspection;
  settings: ImportSettings;
  overrides: Overrides;
  onOverrides: (overrides: Overrides) => void;
  /** The preview is being read again with the latest changes. */
  refreshing: boolean;
  /** The preview on screen is for the latest changes (nothing goes on with settings not yet checked). */
  ready: boolean;
  /** Reading the file with the latest changes failed. */
  error: unknown;
  saveAs: string;
  onSaveAs: (name: string) => void;
  onBack: () => void;
  onNext: () => void;
}

/**
 * Step 2: how the file is written, the export it was recognised as, what each column means
 * (and what Rapport is unsure of), how values are read, then the first orders as they will be
 * stored and the first rows as read.
 */
export function ColumnsStep({ inspection, settings, overrides, onOverrides, refreshing, ready, error, saveAs, onSaveAs, onBack, onNext }: ColumnsStepProps) {
  const t = useT();
  const missing = missingFields(settings.mapping);
  const choices = useTransactionFieldChoices(inspection);
  const readColumnAs = (header: string, field: TransactionField | null) => onOverrides(withMapping(overrides, withColumnField(settings.mapping, header, field)));
  const refreshingLoader = refreshing && <Loader size="sm" aria-label={t('imports.preview.refreshing')} />;
  return (
    <Stack gap="md">
      {error !== null && <ImportErrorAlert error={error} />}
      <Panel title={t('imports.format.title')}>
        <FormatControls format={settings.format} sheets={inspection.sheets} onChange={(patch) => onOverrides(withFormat(overrides, patch))} />
      </Panel>
      <Panel
        title={t('imports.mapping.title')}
        description={t('imports.mapping.description', { file: inspection.fileName })}
        actions={
          inspection.savedMappings.length > 0 && (
            <Select
              label={t('imports.mapping.saved')}
              placeholder={t('imports.mapping.savedPlaceholder')}
              w={260}
              data={inspection.savedMappings.map((saved) => ({ value: saved.id, label: saved.name }))}
              onChange={(id) => {
                const saved = inspection.savedMappings.find((candidate) => candidate.id === id);
                if (saved) onOverrides(withMapping(overrides, applySavedMapping(saved.mapping, inspection.headers)));
              }}
            />
          )
        }
      >
        {inspection.source && <SourceAlert source={inspection.source} />}
        <MappingQuestions questions={inspection.questions} mapping={settings.mapping} onUse={(question) => readColumnAs(question.column, question.field)} />
        <MappingTable inspection={inspection} mapping={settings.mapping} choices={choices} onChange={readColumnAs} />
        {missing.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} mt="md" role="status">
            {t('imports.mapping.missing', { fields: missing.map((field) => t(`imports.fields.${field}.label`)).join(', ') })}
          </Alert>
        )}
      </Panel>
      <Panel title={t('imports.read.title')}>
        <ReadOptions
          date={inspection.date}
          read={settings.read}
          options={settings.options}
          dateChosen={overrides.read?.dateFormat !== undefined}
          onRead={(patch) => onOverrides(withRead(overrides, patch))}
          onOptions={(patch) => onOverrides(withOptions(overrides, patch))}
        />
      </Panel>
      <Panel title={t('imports.orders.title')} description={t('imports.orders.description', { count: inspection.orders.length })} actions={refreshingLoader}>
        <Stack gap="md">
          <OrdersPreview orders={inspection.orders} />
          <SkippedRows rows={inspection.skipped} />
        </Stack>
      </Panel>
      <Panel title={t('imports.preview.title')} description={t('imports.preview.description', { count: inspection.preview.length })} actions={refreshingLoader}>
        <PreviewTable preview={inspection.preview} headers={inspection.headers} mapping={settings.mapping} />
      </Panel>
      <Card withBorder radius="lg" p="lg">
        <Group justify="space-between" align="flex-end">
          <TextInput
            label={t('imports.mapping.saveAs')}
            description={t('imports.mapping.saveAsHint')}
            placeholder={t('imports.mapping.saveAsPlaceholder')}
            maxLength={100}
            w={360}
            value={saveAs}
            onChange={(event) => onSaveAs(event.currentTarget.value)}
          />
          <Group gap="sm">
            <Button variant="default" onClick={onBack}>
              {t('imports.back')}
            </Button>
            <Button onClick={onNext} disabled={missing.length > 0 || !ready}>
              {t('imports.columns.next')}
            </Button>
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}
