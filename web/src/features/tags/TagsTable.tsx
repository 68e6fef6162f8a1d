import type { Tag } from '@contracts/tags.ts';
import { ActionIcon, Anchor, Group, Table, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { TagBadge } from './TagBadge.tsx';

interface TagsTableProps {
  tags: readonly (Tag & { customers: number | null })[];
  canManage: boolean;
  onEdit: (tag: Tag) => void;
  onDelete: (tag: Tag) => void;
}

export function TagsTable({ tags, canManage, onEdit, onDelete }: TagsTableProps) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('tags.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tags.name')}</Table.Th>
            <Table.Th scope="col">{t('tags.customers')}</Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tags.map((tag) => (
            <Table.Tr key={tag.id}>
              <Table.Td>
                <TagBadge tag={tag} size="lg" />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/customers?tag=${encodeURIComponent(tag.id)}`} size="sm">
                  {t('tags.customerCount', { count: tag.customers ?? 0 })}
                </Anchor>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" aria-label={t('tags.edit', { name: tag.name })} onClick={() => onEdit(tag)}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('tags.delete.action', { name: tag.name })} onClick={() => onDelete(tag)}>
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
