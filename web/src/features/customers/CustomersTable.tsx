import type { Customer } from '@contracts/customers.ts';
import { Badge, Group, Table, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconUser } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function CustomersTable({ customers }: { customers: readonly Customer[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('customers.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('customers.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('customers.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('customers.columns.added')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  {customer.kind === 'organisation' ? (
                    <IconBuildingSkyscraper size={18} stroke={1.6} aria-hidden color="var(--mantine-color-gray-6)" />
                  ) : (
                    <IconUser size={18} stroke={1.6} aria-hidden color="var(--mantine-color-gray-6)" />
                  )}
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
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={customer.createdAt}>{format.date(customer.createdAt)}</time>
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
