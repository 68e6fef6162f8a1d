import type { Inspection } from '@contracts/imports.ts';
import { Radio, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { CurrencySelect } from '../../ui/CurrencySelect.tsx';
import { DateDecimalFields } from './DateDecimalFields.tsx';
import { DateFormatAlert } from './DateFormatAlert.tsx';
import type { ImportSettings } from './settingsModel.ts';

type Read = ImportSettings['read'];
type Options = ImportSettings['options'];

interface ReadOptionsProps {
  date: Inspection['date'];
  read: Read;
  options: Options;
  dateChosen: boolean;
  onRead: (patch: Partial<Read>) => void;
  onOptions: (patch: Partial<Options>) => void;
}

/** How values are read (dates, decimals, currency, refunds) and what happens to unknown customers. */
export function ReadOptions({ date, read, options, dateChosen, onRead, onOptions }: ReadOptionsProps) {
  const t = useT();
  return (
    <Stack gap="md">
      {date && <DateFormatAlert date={date} dateFormat={read.dateFormat} chosen={dateChosen} onChoose={(dateFormat) => onRead({ dateFormat })} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md">
        <DateDecimalFields dateFormat={read.dateFormat} decimal={read.decimal} decimalHint={t('imports.read.decimalHint')} onChange={onRead} />
        <CurrencySelect label={t('imports.read.currency')} description={t('imports.read.currencyHint')} value={read.currency} onChange={(currency) => onRead({ currency })} />
        <TagsInput
          label={t('imports.read.refundPrefixes')}
          description={t('imports.read.refundPrefixesHint')}
          value={read.refundPrefixes}
          onChange={(refundPrefixes) => onRead({ refundPrefixes: refundPrefixes.map((prefix) => prefix.trim()).filter(Boolean).slice(0, 10) })}
          maxTags={10}
        />
        <Radio.Group
          label={t('imports.options.unmatchedCustomers')}
          description={t('imports.options.unmatchedCustomersHint')}
          value={options.unmatchedCustomers}
          onChange={(value) => onOptions({ unmatchedCustomers: value === 'reject' ? 'reject' : 'create' })}
        >
          <Stack gap={6} mt={8}>
            <Radio value="create" label={t('imports.options.create')} />
            <Radio value="reject" label={t('imports.options.reject')} />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('imports.options.noCustomerKey')}
          description={t('imports.options.noCustomerKeyHint')}
          value={options.noCustomerKey}
          onChange={(value) => onOptions({ noCustomerKey: value === 'reject' ? 'reject' : 'unknown' })}
        >
          <Stack gap={6} mt={8}>
            <Radio value="unknown" label={t('imports.options.unknown')} />
            <Radio value="reject" label={t('imports.options.reject')} />
          </Stack>
        </Radio.Group>
      </SimpleGrid>
    </Stack>
  );
}
