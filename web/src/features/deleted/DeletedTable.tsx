import type { CustomerSummary } from '@contracts/customers.ts';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { KindIcon } from '../customers/KindIcon.tsx';

interface DeletedTableProps {
  customers: readonly CustomerSummary[];
  canWrite: boolean;
  restoringId: string | null;
  onRestore: (customer: CustomerSummary) => void;
}

export function DeletedTable({ customers, canWrite, restoringId, onRestore }: DeletedTableProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('deleted.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('customers.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('customers.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t('deleted.deletedAt')}</Table.Th>
            {canWrite && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <KindIcon kind={customer.kind} />
                  <Text size="sm" fw={500}>
                    {customer.displayName}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={customer.kind === 'organisation' ? 'grape' : 'blue'}>
                  {t(`customers.kind.${customer.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {customer.deletedAt && <time dateTime={customer.deletedAt}>{format.dateTime(customer.deletedAt)}</time>}
                </Text>
              </Table.Td>
              {canWrite && (
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconArrowBackUp size={14} aria-hidden />}
                    loading={restoringId === customer.id}
                    onClick={() => onRestore(customer)}
                    aria-label={t('deleted.restoreName', { name: customer.displayName })}
                  >
                    {t('deleted.restore')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
