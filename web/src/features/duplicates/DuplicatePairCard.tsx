import type { CustomerSummary } from '@contracts/customers.ts';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconGitMerge } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerLink } from '../customers/CustomerLink.tsx';

interface DuplicatePairCardProps {
  a: CustomerSummary;
  b: CustomerSummary;
  reasons: readonly string[];
  canWrite: boolean;
  onMerge: () => void;
  onDismiss: () => void;
}

/** Two customers that look like the same one, why, and what to do about it. */
export function DuplicatePairCard({ a, b, reasons, canWrite, onMerge, onDismiss }: DuplicatePairCardProps) {
  const t = useT();
  const pair = t('duplicates.pair', { a: a.displayName, b: b.displayName });
  return (
    <Card withBorder radius="lg" p="md" component="li" aria-label={pair}>
      <Group justify="space-between" align="flex-start" gap="md">
        <SimpleGrid cols={2} spacing="lg" style={{ flex: 1, minWidth: 260 }}>
          <Side customer={a} />
          <Side customer={b} />
        </SimpleGrid>
        <Stack gap="xs" align="flex-end">
          <Group gap={4}>
            {reasons.map((reason) => (
              <Badge key={reason} variant="light" color="orange" tt="none">
                {t(`duplicates.reasons.${reason}`)}
              </Badge>
            ))}
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconEyeOff size={14} aria-hidden />} onClick={onDismiss} aria-label={t('duplicates.dismissPair', { pair })}>
              {t('duplicates.dismiss')}
            </Button>
            {canWrite && (
              <Button size="xs" leftSection={<IconGitMerge size={14} aria-hidden />} onClick={onMerge} aria-label={t('duplicates.mergePair', { pair })}>
                {t('duplicates.merge')}
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

function Side({ customer }: { customer: CustomerSummary }) {
  return (
    <Stack gap={2} miw={0}>
      <CustomerLink customer={customer} withIcon />
      {[customer.email, customer.phone, customer.organisation?.displayName].filter(Boolean).map((line) => (
        <Text key={line} size="xs" c="dimmed" truncate="end">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
