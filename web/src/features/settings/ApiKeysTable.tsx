import type { ApiKey } from '@contracts/api-keys.ts';
import { Badge, Button, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function ApiKeysTable({ keys, onRevoke }: { keys: readonly ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('apiKeys.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.columns.prefix')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.columns.scope')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.columns.created')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.columns.lastUsed')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('apiKeys.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {key.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={key.scope === 'read' ? 'gray' : 'orange'}>
                  {t(`apiKeys.scope.${key.scope}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.date(key.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('apiKeys.neverUsed')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(key)} aria-label={t('apiKeys.revoke.actionFor', { name: key.name })}>
                  {t('apiKeys.revoke.action')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
