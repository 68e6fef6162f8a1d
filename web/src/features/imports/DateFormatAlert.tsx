import type { Inspection } from '@contracts/imports.ts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCalendarQuestion, IconCircleCheck } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import type { DateFormat } from './importFields.ts';

interface DateFormatAlertProps {
  date: NonNullable<Inspection['date']>;
  dateFormat: DateFormat;
  /** Whether the user has chosen the date format themselves. */
  chosen: boolean;
  onChoose: (format: DateFormat) => void;
}

/**
 * 05.03.2024 is the 5th of March or the 3rd of May: when every date Rapport looked at reads
 * both ways, the user confirms which; when a later row settled it, the user is told which row.
 * When no format reads most of the dates, the user is asked to choose one.
 */
export function DateFormatAlert({ date, dateFormat, chosen, onChoose }: DateFormatAlertProps) {
  const t = useT();
  if (date.candidates.length === 0 && !chosen) {
    return (
      <Alert color="yellow" variant="light" icon={<IconCalendarQuestion aria-hidden />} title={t('imports.date.unrecognisedTitle')} role="status">
        {t('imports.date.unrecognisedText')}
      </Alert>
    );
  }
  if (date.settledBy && !chosen) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t(`imports.date.settled.${dateFormat === 'mdy' ? 'mdy' : 'dmy'}`)}>
        {t('imports.date.settledBy', { row: date.settledBy.row, value: date.settledBy.value })}
      </Alert>
    );
  }
  if (!date.ambiguous) return null;
  return (
    <Alert
      color={chosen ? 'teal' : 'yellow'}
      variant="light"
      icon={chosen ? <IconCircleCheck aria-hidden /> : <IconCalendarQuestion aria-hidden />}
      title={chosen ? t(`imports.date.settled.${dateFormat === 'mdy' ? 'mdy' : 'dmy'}`) : t('imports.date.ambiguousTitle')}
      role="status"
    >
      <Text size="sm" mb="sm">
        {t('imports.date.ambiguousText')}
      </Text>
      <Group gap="xs">
        {(['dmy', 'mdy'] as const).map((format) => (
          <Button key={format} size="xs" variant={chosen && dateFormat === format ? 'filled' : 'default'} aria-pressed={chosen && dateFormat === format} onClick={() => onChoose(format)}>
            {t(`imports.date.choose.${format}`)}
          </Button>
        ))}
      </Group>
    </Alert>
  );
}
