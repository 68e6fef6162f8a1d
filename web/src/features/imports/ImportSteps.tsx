import { Stepper } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

export const STEPS = ['upload', 'columns', 'check', 'import', 'result'] as const;

interface ImportStepsProps {
  active: number;
  /** Going back to an earlier step, where that is possible. */
  onStepClick?: (step: number) => void;
}

/** Where the user is in an import: upload, columns, check, import, result. */
export function ImportSteps({ active, onStepClick }: ImportStepsProps) {
  const t = useT();
  return (
    <Stepper active={active} onStepClick={onStepClick} allowNextStepsSelect={false} size="sm" mb="lg" aria-label={t('imports.steps.label')}>
      {STEPS.map((step) => (
        <Stepper.Step key={step} label={t(`imports.steps.${step}.label`)} description={t(`imports.steps.${step}.description`)} />
      ))}
    </Stepper>
  );
}
