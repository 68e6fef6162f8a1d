import type { CustomerSummary } from '@contracts/customers.ts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { KindIcon } from '../customers/KindIcon.tsx';

type Result = CustomerSummary & { matched: string };

/** One quick-search hit: name, how to reach them, where they work, and what matched. */
export function QuickSearchResult({ item }: { item: Result }) {
  const t = useT();
  const details = [item.email, item.phone, item.organisation?.displayName].filter(Boolean).join(' · ');
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <KindIcon kind={item.kind} />
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={600} truncate="end">
            {item.displayName}
          </Text>
          {details && (
            // Not "dimmed": the highlighted option is dark, and inherited colour keeps the contrast.
            <Text size="xs" opacity={0.8} truncate="end">
              {details}
            </Text>
          )}
        </Stack>
      </Group>
      {item.matched !== 'name' && (
        <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
          {t(`search.matched.${item.matched}`)}
        </Badge>
      )}
    </Group>
  );
}
