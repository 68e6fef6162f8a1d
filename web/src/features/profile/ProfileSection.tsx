import { Button, Card, Group, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

interface ProfileSectionProps {
  title: string;
  /** The element id a link can jump to (the seven bits do). */
  id?: string;
  /** "Edit contact details": the edit button's full name for screen readers and tests. */
  editLabel?: string;
  onEdit?: (() => void) | undefined;
  children: ReactNode;
}

/** A titled card on the profile, with an "Edit" button when the user may edit. */
export function ProfileSection({ title, id: sectionId, editLabel, onEdit, children }: ProfileSectionProps) {
  const t = useT();
  const id = useId();
  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby={id} id={sectionId} tabIndex={sectionId ? -1 : undefined} style={sectionId ? { scrollMarginTop: 72 } : undefined}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} fz="md" id={id}>
          {title}
        </Title>
        {onEdit && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={editLabel}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {children}
    </Card>
  );
}
