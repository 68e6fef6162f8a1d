import type { OwedThanks } from '@contracts/thanks.ts';
import { Card, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { OwedStatus } from '../../api/thanksApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { CustomerLink } from '../customers/CustomerLink.tsx';
import { TierBadge } from '../value/ValueBadges.tsx';
import { OwedActionButtons, type OwedAction } from './OwedActions.tsx';
import { useOwedText } from './useOwedText.ts';

interface OwedTableProps {
  items: OwedThanks[];
  status: OwedStatus;
  canWrite: boolean;
  onAction: (action: OwedAction) => void;
}

/** The owed thank-yous, newest occasion first, gold and silver customers marked; done and dismissed ones say when (and why). */
export function OwedTable({ items, status, canWrite, onAction }: OwedTableProps) {
  const t = useT();
  const format = useFormat();
  const describe = useOwedText();
  const withActions = status === 'owed' && canWrite;
  return (
    <Card withBorder radius="lg" p={0}>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('thanks.page.columns.customer')}</Table.Th>
              <Table.Th>{t('thanks.page.columns.what')}</Table.Th>
              <Table.Th>{t('thanks.page.columns.day')}</Table.Th>
              {status !== 'owed' && <Table.Th>{t(`thanks.page.columns.${status}`)}</Table.Th>}
              {withActions && <Table.Th><VisuallyHidden>{t('thanks.page.columns.actions')}</VisuallyHidden></Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const what = describe(item);
              const rule = t(`thanks.rules.${item.rule}.name`);
              return (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <CustomerLink customer={{ id: item.customerId, displayName: item.customerName, kind: 'person' }} />
                      {item.tier && item.tier !== 'other' && <TierBadge tier={item.tier} size="xs" />}
                    </Stack>
                  </Table.Td>
                  <Table.Td miw={180}>
                    <Text size="sm">{what}</Text>
                    {/* The rule's name, unless the description already is it. */}
                    {what !== rule && <Text size="xs" c="dimmed">{rule}</Text>}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(item.occurredOn)}</Table.Td>
                  {status !== 'owed' && (
                    <Table.Td>
                      {item.resolvedAt && <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{format.date(item.resolvedAt)}</Text>}
                      {item.dismissReason && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{item.dismissReason}</Text>}
                    </Table.Td>
                  )}
                  {withActions && <Table.Td><OwedActionButtons item={item} onAction={onAction} /></Table.Td>}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
