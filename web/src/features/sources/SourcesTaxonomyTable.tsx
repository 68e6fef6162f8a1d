import { ActionIcon, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowMerge, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { SourceWithCount } from '../../api/sourcesApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import type { ChannelGroup } from './sourceGroups.ts';

interface SourcesTaxonomyTableProps {
  groups: readonly ChannelGroup[];
  canManage: boolean;
  onAdd: (channel: string) => void;
  onEdit: (source: SourceWithCount) => void;
  onMerge: (source: SourceWithCount) => void;
  onDelete: (source: SourceWithCount) => void;
}

/** Channel → source, with the customers each brought, and what can be done to each source. */
export function SourcesTaxonomyTable({ groups, canManage, onAdd, onEdit, onMerge, onDelete }: SourcesTaxonomyTableProps) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={6} aria-label={t('sourcesSettings.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sourcesSettings.columns.source')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('sourcesSettings.columns.customers')}
            </Table.Th>
            {canManage && (
              <Table.Th scope="col" w={80}>
                <VisuallyHidden>{t('sourcesSettings.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.key}>
              <Table.Tr bg="var(--mantine-color-gray-0)">
                <Table.Th scope="rowgroup" fw={600}>
                  {group.channel}
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  {t('sourcesSettings.customerCount', { count: group.customers })}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group justify="flex-end">
                      <ActionIcon variant="subtle" color="gray" aria-label={t('sourcesSettings.addTo', { channel: group.channel })} onClick={() => onAdd(group.channel)}>
                        <IconPlus size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
              {group.sources.map((source) => (
                <Table.Tr key={source.id}>
                  <Table.Td pl="xl">{source.name}</Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={source.customers === 0 ? 'dimmed' : undefined}>
                      {t('sourcesSettings.customerCount', { count: source.customers })}
                    </Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" color="gray" aria-label={t('sourcesSettings.edit', { name: source.name })} onClick={() => onEdit(source)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <Menu position="bottom-end" shadow="md">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('sourcesSettings.more', { name: source.name })}>
                              <IconDots size={16} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => onMerge(source)}>
                              {t('sourcesSettings.merge.action')}
                            </Menu.Item>
                            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(source)}>
                              {t('sourcesSettings.delete.action')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
