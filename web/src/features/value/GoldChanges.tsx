import type { ValueDashboard } from '@contracts/analytics.ts';
import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';

type Entry = ValueDashboard['gold'][number];

/** Who became gold and who stopped being gold since the start of the period. */
export function GoldChanges({ dashboard }: { dashboard: ValueDashboard }) {
  const t = useT();
  const format = useFormat();
  const since = format.day(dashboard.period.start);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <ChangeList title={t('value.changes.entered', { date: since })} entries={dashboard.period.entered} currency={dashboard.currency} up />
      <ChangeList title={t('value.changes.left', { date: since })} entries={dashboard.period.left} currency={dashboard.currency} up={false} />
    </SimpleGrid>
  );
}

function ChangeList({ title, entries, currency, up }: { title: string; entries: readonly Entry[]; currency: string; up: boolean }) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const Icon = up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group gap={6}>
        <Icon size={18} color={up ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-red-7)'} aria-hidden />
        <Title order={3} fz="sm" id={id}>
          {title}
        </Title>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('value.changes.none')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {entries.map((entry) => (
            <Group key={entry.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Anchor component={Link} to={customerPath(entry.id)} size="sm" fw={500} truncate="end">
                {entry.displayName}
              </Anchor>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {entry.tier && !up ? `${t(`value.tier.${entry.tier}`)} · ` : ''}
                {format.money(entry.valueMinor, currency)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
