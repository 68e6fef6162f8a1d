import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { daysFrom, isDay, matchingPick, QUICK_PICKS, quickPickDay } from './dueDays.ts';

interface DueDayFieldProps {
  value: string;
  onChange: (day: string) => void;
  /** Today in the workspace time zone. */
  today: string;
  error?: string | undefined;
}

/** The due day: quick picks (tomorrow … in a month) and any day; a past one is allowed and said to be overdue. */
export function DueDayField({ value, onChange, today, error }: DueDayFieldProps) {
  const t = useT();
  const picked = isDay(value) ? matchingPick(value, today) : null;
  const past = isDay(value) && daysFrom(today, value) < 0;
  return (
    <Stack gap={6}>
      <TextInput
        type="date"
        label={t('followUps.form.dueOn')}
        required
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        maw={220}
      />
      <Group gap={6} role="group" aria-label={t('followUps.form.quickPicks')}>
        {QUICK_PICKS.map((pick) => (
          <Button key={pick} size="compact-xs" radius="xl" variant={picked === pick ? 'filled' : 'light'} aria-pressed={picked === pick} onClick={() => onChange(quickPickDay(pick, today))}>
            {t(`followUps.picks.${pick}`)}
          </Button>
        ))}
      </Group>
      {past && (
        <Text size="xs" c="red.7" role="status">
          {t('followUps.form.pastDay')}
        </Text>
      )}
    </Stack>
  );
}
