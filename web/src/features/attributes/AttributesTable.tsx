import type { Attribute } from '@contracts/attributes.ts';
import { ActionIcon, Badge, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';

interface AttributesTableProps {
  attributes: readonly Attribute[];
  canManage: boolean;
  onEdit: (attribute: Attribute) => void;
  onDelete: (attribute: Attribute) => void;
  /** Swaps an attribute with its neighbour above or below. */
  onMove: (attribute: Attribute, neighbour: Attribute) => void;
}

/** The workspace's attributes in profile order, with their type, who they are for and their choices. */
export function AttributesTable({ attributes, canManage, onEdit, onDelete, onMove }: AttributesTableProps) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('attributes.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('attributes.label')}</Table.Th>
            <Table.Th scope="col">{t('attributes.key')}</Table.Th>
            <Table.Th scope="col">{t('attributes.type')}</Table.Th>
            <Table.Th scope="col">{t('attributes.appliesTo')}</Table.Th>
            <Table.Th scope="col">{t('attributes.options')}</Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attributes.map((attribute, index) => (
            <Table.Tr key={attribute.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {attribute.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{attribute.key}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`attributes.types.${attribute.type}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`attributes.for.${attribute.appliesTo}`)}</Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Group gap={4}>
                  {attribute.options.slice(0, 6).map((option) => (
                    <Badge key={option.id} size="sm" variant="outline" color="gray" tt="none">
                      {option.label}
                    </Badge>
                  ))}
                  {attribute.options.length > 6 && <Text size="xs" c="dimmed">{t('attributes.moreOptions', { count: attribute.options.length - 6 })}</Text>}
                </Group>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <ActionIcon variant="subtle" color="gray" disabled={index === 0} aria-label={t('attributes.moveUp', { name: attribute.label })} onClick={() => onMove(attribute, attributes[index - 1]!)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="gray" disabled={index === attributes.length - 1} aria-label={t('attributes.moveDown', { name: attribute.label })} onClick={() => onMove(attribute, attributes[index + 1]!)}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('attributes.edit', { name: attribute.label })} onClick={() => onEdit(attribute)}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('attributes.delete.action', { name: attribute.label })} onClick={() => onDelete(attribute)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
