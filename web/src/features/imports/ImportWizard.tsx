import { Button, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Upload } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { CheckStep } from './CheckStep.tsx';
import { ColumnsStep } from './ColumnsStep.tsx';
import { CustomerColumnsStep } from './CustomerColumnsStep.tsx';
import { effectiveCustomerSettings, type ImportKind } from './customerImportModel.ts';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import { effectiveSettings } from './settingsModel.ts';
import type { StartRequest } from './useImports.ts';
import { useCustomerInspection, useInspection, type CustomerOverrides, type Overrides } from './useInspection.ts';
import { UploadStep } from './UploadStep.tsx';

/** What the file holds → upload → columns → check; starting the import opens its own page, to follow or come back to. */
export function ImportWizard() {
  const [kind, setKind] = useState<ImportKind>('transactions');
  const [upload, setUpload] = useState<Upload | null>(null);
  if (!upload) {
    return (
      <>
        <ImportSteps active={0} />
        <UploadStep kind={kind} onKind={setKind} onUploaded={setUpload} />
      </>
    );
  }
  const restart = () => setUpload(null);
  return kind === 'customers' ? (
    <CustomerFileWizard key={upload.uploadId} upload={upload} onRestart={restart} />
  ) : (
    <FileWizard key={upload.uploadId} upload={upload} onRestart={restart} />
  );
}

interface InspectionState<I> {
  data: I | undefined;
  pending: boolean;
  error: unknown;
}

interface AfterUploadProps<I> {
  inspection: InspectionState<I>;
  onRestart: () => void;
  /** Step 2 for this kind of file, with what goes on to the check. */
  renderColumns: (data: I, onNext: () => void) => ReactNode;
  /** What the check (or the import itself) is asked to do with the file as read. */
  request: (data: I) => (dryRun: boolean) => StartRequest;
}

/** The steps after the upload, for either kind of file: its columns, then the check, which starts the import. */
function AfterUpload<I>({ inspection, onRestart, renderColumns, request }: AfterUploadProps<I>) {
  const navigate = useNavigate();
  const [step, setStep] = useState<1 | 2>(1);
  const goTo = (next: number) => {
    if (next === 0) onRestart();
    else if (next === 1) setStep(1);
  };
  let content;
  if (inspection.pending) content = <LoadingState />;
  else if (!inspection.data) content = <Unreadable error={inspection.error} onRestart={onRestart} />;
  else if (step === 1) content = renderColumns(inspection.data, () => setStep(2));
  else content = <CheckStep request={request(inspection.data)} onBack={() => setStep(1)} onStarted={(job) => void navigate(`/import/${job.id}`)} />;
  return (
    <>
      <ImportSteps active={step} onStepClick={goTo} />
      {content}
    </>
  );
}

/** The file could not be read at all: say why, and offer another file. */
function Unreadable({ error, onRestart }: { error: unknown; onRestart: () => void }) {
  const t = useT();
  return (
    <Stack gap="md" align="flex-start">
      <ImportErrorAlert error={error} />
      <Button variant="default" onClick={onRestart}>
        {t('imports.upload.another')}
      </Button>
    </Stack>
  );
}

function FileWizard({ upload, onRestart }: { upload: Upload; onRestart: () => void }) {
  const [overrides, setOverrides] = useState<Overrides>({});
  const [saveAs, setSaveAs] = useState('');
  const inspection = useInspection(upload.uploadId, overrides);
  const name = saveAs.trim();
  return (
    <AfterUpload
      inspection={inspection}
      onRestart={onRestart}
      renderColumns={(data, onNext) => (
        <ColumnsStep
          inspection={data}
          settings={effectiveSettings(data.settings, overrides)}
          overrides={overrides}
          onOverrides={setOverrides}
          refreshing={inspection.refreshing}
          ready={inspection.settled}
          error={inspection.error}
          saveAs={saveAs}
          onSaveAs={setSaveAs}
          onBack={onRestart}
          onNext={onNext}
        />
      )}
      request={({ settings }) =>
        (dryRun) => ({ kind: 'transactions', body: { uploadId: upload.uploadId, settings, dryRun, ...(!dryRun && name && { saveMappingAs: name }) } })
      }
    />
  );
}

function CustomerFileWizard({ upload, onRestart }: { upload: Upload; onRestart: () => void }) {
  const [overrides, setOverrides] = useState<CustomerOverrides>({});
  const inspection = useCustomerInspection(upload.uploadId, overrides);
  return (
    <AfterUpload
      inspection={inspection}
      onRestart={onRestart}
      renderColumns={(data, onNext) => (
        <CustomerColumnsStep
          inspection={data}
          settings={effectiveCustomerSettings(data.settings, overrides)}
          overrides={overrides}
          onOverrides={setOverrides}
          refreshing={inspection.refreshing}
          ready={inspection.settled}
          error={inspection.error}
          onBack={onRestart}
          onNext={onNext}
        />
      )}
      request={({ settings }) =>
        (dryRun) => ({ kind: 'customers', body: { uploadId: upload.uploadId, settings, dryRun } })
      }
    />
  );
}
