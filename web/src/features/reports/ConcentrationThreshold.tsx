import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSaveConcentrationSettings } from './useConcentration.ts';

/** The share one group may hold before the report (and the dashboard) warn: editable by owners and admins, in percent. */
export function ConcentrationThreshold({ warningShare, editable }: { warningShare: number; editable: boolean }) {
  const t = useT();
  const format = useFormat();
  const [percent, setPercent] = useState<number | string>(Math.round(warningShare * 1000) / 10);
  const save = useSaveConcentrationSettings();
  if (!editable) {
    return (
      <Text size="sm" c="dimmed">
        {t('concentration.threshold.readOnly', { share: format.percent(warningShare, 0) })}
      </Text>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (typeof percent === 'number') save.mutate({ concentrationWarningShare: percent / 100 });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Group gap="sm" align="flex-end">
        <NumberInput
          label={t('concentration.threshold.label')}
          description={t('concentration.threshold.hint')}
          value={percent}
          onChange={(value) => {
            save.reset();
            setPercent(value);
          }}
          min={0}
          max={100}
          step={1}
          decimalScale={1}
          clampBehavior="strict"
          suffix=" %"
          w={260}
        />
        <Button type="submit" variant="default" loading={save.isPending} disabled={typeof percent !== 'number'}>
          {t('common.save')}
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="teal.8" role="status">
            {t('common.saved')}
          </Text>
        )}
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </form>
  );
}
