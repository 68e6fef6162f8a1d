import type { Tag } from '@contracts/tags.ts';
import { Badge, CloseButton, type BadgeProps } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

interface TagBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  tag: Pick<Tag, 'name' | 'color'>;
  /** Shows a remove button (labelled "Remove tag <name>") when given. */
  onRemove?: () => void;
  removing?: boolean;
}

export function TagBadge({ tag, onRemove, removing, ...props }: TagBadgeProps) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={tag.color}
      radius="sm"
      tt="none"
      fw={600}
      {...props}
      rightSection={
        onRemove && (
          <CloseButton
            size="xs"
            variant="transparent"
            c={`${tag.color}.8`}
            aria-label={t('tags.removeFrom', { name: tag.name })}
            onClick={onRemove}
            disabled={removing}
          />
        )
      }
    >
      {tag.name}
    </Badge>
  );
}
