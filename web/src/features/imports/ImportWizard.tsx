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
import { useCustomerInspection, type CustomerOverrides } from './useCustomerInspection.ts';
import { useInspection, type Overrides } from './useInspection.ts';
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

/** The steps after the upload, around what each step shows. */
function WizardFrame({ step, onStep, onRestart, children }: { step: 1 | 2; onStep: (step: 1 | 2) => void; onRestart: () => void; children: ReactNode }) {
  const goTo = (next: number) => {
    if (next === 0) onRestart();
    else if (next === 1) onStep(1);
  };
  return (
    <>
      <ImportSteps active={step} onStepClick={goTo} />
      {children}
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
  const navigate = useNavigate();
  const [step, setStep] = useState<1 | 2>(1);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [saveAs, setSaveAs] = useState('');
  const inspection = useInspection(upload.uploadId, overrides);

  let content;
  if (inspection.pending) content = <LoadingState />;
  else if (!inspection.data) content = <Unreadable error={inspection.error} onRestart={onRestart} />;
  else if (step === 1) {
    content = (
      <ColumnsStep
        inspection={inspection.data}
        settings={effectiveSettings(inspection.data.settings, overrides)}
        overrides={overrides}
        onOverrides={setOverrides}
        refreshing={inspection.refreshing}
        ready={inspection.settled}
        error={inspection.error}
        saveAs={saveAs}
        onSaveAs={setSaveAs}
        onBack={onRestart}
        onNext={() => setStep(2)}
      />
    );
  } else {
    const settings = inspection.data.settings;
    const name = saveAs.trim();
    content = (
      <CheckStep
        request={(dryRun) => ({ kind: 'transactions', body: { uploadId: upload.uploadId, settings, dryRun, ...(!dryRun && name && { saveMappingAs: name }) } })}
        onBack={() => setStep(1)}
        onStarted={(job) => void navigate(`/import/${job.id}`)}
      />
    );
  }
  return (
    <WizardFrame step={step} onStep={setStep} onRestart={onRestart}>
      {content}
    </WizardFrame>
  );
}

function CustomerFileWizard({ upload, onRestart }: { upload: Upload; onRestart: () => void }) {
  const navigate = useNavigate();
  const [step, setStep] = useState<1 | 2>(1);
  const [overrides, setOverrides] = useState<CustomerOverrides>({});
  const inspection = useCustomerInspection(upload.uploadId, overrides);

  let content;
  if (inspection.pending) content = <LoadingState />;
  else if (!inspection.data) content = <Unreadable error={inspection.error} onRestart={onRestart} />;
  else if (step === 1) {
    content = (
      <CustomerColumnsStep
        inspection={inspection.data}
        settings={effectiveCustomerSettings(inspection.data.settings, overrides)}
        overrides={overrides}
        onOverrides={setOverrides}
        refreshing={inspection.refreshing}
        ready={inspection.settled}
        error={inspection.error}
        onBack={onRestart}
        onNext={() => setStep(2)}
      />
    );
  } else {
    const settings = inspection.data.settings;
    content = (
      <CheckStep
        request={(dryRun) => ({ kind: 'customers', body: { uploadId: upload.uploadId, settings, dryRun } })}
        onBack={() => setStep(1)}
        onStarted={(job) => void navigate(`/import/${job.id}`)}
      />
    );
  }
  return (
    <WizardFrame step={step} onStep={setStep} onRestart={onRestart}>
      {content}
    </WizardFrame>
  );
}
