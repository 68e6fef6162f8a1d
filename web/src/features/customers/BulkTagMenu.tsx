import { Button, Menu, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { TagBadge } from '../tags/TagBadge.tsx';
import { useTags } from '../tags/useTags.ts';

interface BulkTagMenuProps {
  label: string;
  icon: ReactNode;
  onPick: (tagId: string) => void;
  disabled?: boolean;
}

/** A button that opens the workspace's tags; picking one applies the bulk action with it. */
export function BulkTagMenu({ label, icon, onPick, disabled }: BulkTagMenuProps) {
  const t = useT();
  const tags = useTags();
  return (
    <Menu position="bottom-start" width={240} shadow="md">
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={icon} disabled={disabled}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {tags.isPending && <Menu.Label>{t('common.loading')}</Menu.Label>}
        {tags.data?.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('tags.noneYet')}
          </Text>
        )}
        {tags.data?.map((tag) => (
          <Menu.Item key={tag.id} onClick={() => onPick(tag.id)} aria-label={tag.name}>
            <TagBadge tag={tag} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
