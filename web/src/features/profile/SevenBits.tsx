import { BIT_KEYS, type CustomerProfile } from '@contracts/customers.ts';
import { Group, Paper, SimpleGrid, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCoin,
  IconCrown,
  IconGift,
  IconHeart,
  IconRoute,
  IconUsersPlus,
  type Icon,
} from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { bitSummaryText } from './bitSummary.ts';

type BitKey = (typeof BIT_KEYS)[number];

const LOOK: Record<BitKey, { icon: Icon; color: string }> = {
  value: { icon: IconCoin, color: 'teal' },
  tier: { icon: IconCrown, color: 'yellow' },
  reasons: { icon: IconHeart, color: 'pink' },
  source: { icon: IconRoute, color: 'blue' },
  referrals: { icon: IconUsersPlus, color: 'violet' },
  thanks: { icon: IconGift, color: 'grape' },
  risk: { icon: IconAlertTriangle, color: 'orange' },
};

/**
 * The seven things to know about every customer, always in the same places. A bit Rapport
 * cannot know yet says "Unknown" and what would fill it in; nothing is made up.
 */
export function SevenBits({ bits }: { bits: CustomerProfile['bits'] }) {
  const { t, has } = useI18n();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" component="section" aria-label={t('bits.title')}>
      {BIT_KEYS.map((key) => {
        const bit = bits.find((candidate) => candidate.key === key);
        const known = bit?.state === 'known';
        const { icon: BitIcon, color } = LOOK[key];
        const hint = bit?.action && has(`bits.actions.${bit.action}`) ? t(`bits.actions.${bit.action}`) : t('bits.actions.generic');
        return (
          <Tooltip key={key} label={t(`bits.${key}.explain`)} multiline w={260} withArrow openDelay={300}>
            <Paper withBorder radius="md" p="sm" role="group" aria-label={t(`bits.${key}.title`)} tabIndex={0} aria-description={t(`bits.${key}.explain`)}>
              <Group gap={6} wrap="nowrap" mb={6}>
                <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden>
                  <BitIcon size={14} />
                </ThemeIcon>
                <Text size="xs" fw={600} c="dimmed" lh={1.2}>
                  {t(`bits.${key}.title`)}
                </Text>
              </Group>
              <Text size="sm" fw={600} c={known ? undefined : 'gray.6'}>
                {known ? bitSummaryText(key, bit.summary, { t, money: format.money }) : t('bits.unknown')}
              </Text>
              {!known && (
                <Text size="xs" c="dimmed" lh={1.35} mt={2}>
                  {hint}
                </Text>
              )}
            </Paper>
          </Tooltip>
        );
      })}
    </SimpleGrid>
  );
}
