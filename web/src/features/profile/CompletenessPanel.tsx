import type { CustomerProfile } from '@contracts/customers.ts';
import { Group, RingProgress, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18nContext.ts';

/** How complete the profile is, and exactly what is still missing, so staff know what to ask. */
export function CompletenessPanel({ detail }: { detail: CustomerProfile['completenessDetail'] }) {
  const { t, has, locale } = useI18n();
  const name = (code: string) => {
    if (has(`completeness.fields.${code}`)) return t(`completeness.fields.${code}`);
    // A bit's title starts a card; inside the sentence it is lower-case like the other items.
    const bit = code.startsWith('bit.') && has(`bits.${code.slice(4)}.title`) ? t(`bits.${code.slice(4)}.title`) : null;
    return bit ? bit.charAt(0).toLocaleLowerCase(locale) + bit.slice(1) : code;
  };
  const color = detail.score >= 75 ? 'teal' : detail.score >= 40 ? 'yellow' : 'red';
  return (
    <Group gap="sm" wrap="nowrap" align="center" maw={420}>
      <RingProgress
        size={68}
        thickness={7}
        roundCaps
        sections={[{ value: detail.score, color }]}
        label={
          <Text ta="center" size="sm" fw={700}>
            {detail.score}%
          </Text>
        }
        aria-label={t('completeness.label', { score: detail.score })}
        role="img"
      />
      <Stack gap={2} miw={0}>
        <Text size="sm" fw={600}>
          {t('completeness.title')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.4}>
          {detail.missing.length === 0 ? t('completeness.complete') : t('completeness.missing', { list: detail.missing.map(name).join(', ') })}
        </Text>
      </Stack>
    </Group>
  );
}
