import { DATE_FORMATS } from '@contracts/imports.ts';
import { Input, SegmentedControl, Select } from '@mantine/core';
import { useId } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import type { DateFormat } from './importFields.ts';

type Decimal = '.' | ',';

interface DateDecimalFieldsProps {
  dateFormat: DateFormat;
  decimal: Decimal;
  dateHint?: string;
  decimalHint: string;
  onChange: (patch: { dateFormat?: DateFormat; decimal?: Decimal }) => void;
}

/** How a file writes dates and decimals: two fields of a settings grid. */
export function DateDecimalFields({ dateFormat, decimal, dateHint, decimalHint, onChange }: DateDecimalFieldsProps) {
  const t = useT();
  const decimalLabel = useId();
  return (
    <>
      <Select
        label={t('imports.read.dateFormat')}
        description={dateHint}
        allowDeselect={false}
        value={dateFormat}
        onChange={(value) => value && onChange({ dateFormat: value as DateFormat })}
        data={DATE_FORMATS.map((value) => ({ value, label: t(`imports.read.dateFormats.${value}`) }))}
      />
      <Input.Wrapper label={t('imports.read.decimal')} description={decimalHint} labelElement="div" labelProps={{ id: decimalLabel }}>
        <SegmentedControl
          aria-labelledby={decimalLabel}
          value={decimal}
          onChange={(value) => onChange({ decimal: value === ',' ? ',' : '.' })}
          fullWidth
          mt={4}
          data={[
            { value: '.', label: t('imports.read.decimalDot') },
            { value: ',', label: t('imports.read.decimalComma') },
          ]}
        />
      </Input.Wrapper>
    </>
  );
}
