import { Group, Progress, Text, Tooltip } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

/** A customer's profile completeness as a short bar with its percentage, explained on hover. */
export function CompletenessBar({ score }: { score: number }) {
  const t = useT();
  const color = score >= 75 ? 'teal' : score >= 40 ? 'yellow' : 'red';
  return (
    <Tooltip label={t('completeness.explain', { score })} multiline w={260} withArrow>
      <Group gap={8} wrap="nowrap" miw={96} tabIndex={0} aria-label={t('completeness.label', { score })}>
        <Progress value={score} color={color} size="sm" w={56} aria-hidden />
        <Text size="xs" c="dimmed" aria-hidden>
          {score}%
        </Text>
      </Group>
    </Tooltip>
  );
}
