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
import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { bitSummaryText } from './bitSummary.ts';
import type { BitKey, BitLines } from './useDetailedBits.ts';

const LOOK: Record<BitKey, { icon: Icon; color: string }> = {
  value: { icon: IconCoin, color: 'teal' },
  tier: { icon: IconCrown, color: 'yellow' },
  reasons: { icon: IconHeart, color: 'pink' },
  source: { icon: IconRoute, color: 'blue' },
  referrals: { icon: IconUsersPlus, color: 'violet' },
  thanks: { icon: IconGift, color: 'grape' },
  risk: { icon: IconAlertTriangle, color: 'orange' },
};

interface SevenBitsProps {
  bits: CustomerProfile['bits'];
  /** Bits known in more detail than the profile's summary; an empty list is unknown. */
  lines?: BitLines;
  /** Bits that open a section of the profile: the section's element id. */
  sections?: Partial<Record<BitKey, string>>;
  onOpenSection?: (sectionId: string) => void;
}

/**
 * The seven things to know about every customer, always in the same places. A bit Rapport
 * cannot know yet says "Unknown" and what would fill it in; nothing is made up.
 */
export function SevenBits({ bits, lines = {}, sections = {}, onOpenSection }: SevenBitsProps) {
  const { t, has } = useI18n();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" component="section" aria-label={t('bits.title')}>
      {BIT_KEYS.map((key) => {
        const bit = bits.find((candidate) => candidate.key === key);
        const text = lines[key] ?? (bit?.state === 'known' ? [bitSummaryText(key, bit.summary, { t, money: format.money })].filter(Boolean) : []);
        const known = text.length > 0;
        const { icon: BitIcon, color } = LOOK[key];
        const hint = bit?.action && has(`bits.actions.${bit.action}`) ? t(`bits.actions.${bit.action}`) : t('bits.actions.generic');
        const title = t(`bits.${key}.title`);
        const section = onOpenSection && sections[key];
        // A link's name is all it says, so it reads out the bit as well as its title.
        const open = section
          ? {
              component: 'a' as const,
              href: `#${section}`,
              onClick: (event: MouseEvent) => {
                event.preventDefault();
                onOpenSection(section);
              },
              style: { color: 'inherit', textDecoration: 'none', cursor: 'pointer' },
              'aria-label': `${title}: ${(known ? text : [t('bits.unknown')]).join(', ')}`,
            }
          : { role: 'group', tabIndex: 0, 'aria-label': title };
        return (
          <Tooltip key={key} label={t(`bits.${key}.explain`)} multiline w={260} withArrow openDelay={300}>
            <Paper withBorder radius="md" p="sm" aria-description={t(`bits.${key}.explain`)} {...open}>
              <Group gap={6} wrap="nowrap" mb={6}>
                <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden>
                  <BitIcon size={14} />
                </ThemeIcon>
                <Text size="xs" fw={600} c="dimmed" lh={1.2}>
                  {title}
                </Text>
              </Group>
              <Text size="sm" fw={600} c={known ? undefined : 'gray.6'}>
                {known ? text[0] : t('bits.unknown')}
              </Text>
              {text.slice(1).map((line) => (
                <Text key={line} size="xs" c="dimmed" lh={1.35} mt={2}>
                  {line}
                </Text>
              ))}
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
