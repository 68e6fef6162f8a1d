import { Card, Group, Stack, Text, Title, type MantineSpacing, type StyleProp } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** How roomy a panel is: compact on the value pages, medium in the import wizard, large on settings pages. */
type PanelSize = 'sm' | 'md' | 'lg';

const LOOKS: Record<PanelSize, { padding: StyleProp<MantineSpacing>; below: MantineSpacing; gap: MantineSpacing; titleGap: number; title: string; text: 'xs' | 'sm'; maw?: number }> = {
  sm: { padding: 'lg', below: 'sm', gap: 'sm', titleGap: 2, title: 'md', text: 'xs' },
  md: { padding: 'lg', below: 'md', gap: 'md', titleGap: 2, title: 'md', text: 'sm' },
  lg: { padding: { base: 'md', sm: 'xl' }, below: 'lg', gap: 'md', titleGap: 4, title: 'lg', text: 'sm', maw: 640 },
};

interface PanelProps {
  title: string;
  description?: ReactNode;
  /** Something at the right of the title: a button, a control, a spinner. */
  actions?: ReactNode;
  size?: PanelSize;
  children: ReactNode;
}

/** A titled card, a section named by its heading for screen readers. */
export function Panel({ title, description, actions, size = 'md', children }: PanelProps) {
  const id = useId();
  const look = LOOKS[size];
  return (
    <Card withBorder radius="lg" p={look.padding} component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb={look.below} gap={look.gap}>
        <Stack gap={look.titleGap} miw={0} maw={look.maw}>
          <Title order={2} fz={look.title} id={id}>
            {title}
          </Title>
          {description && (
            <Text size={look.text} c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Card>
  );
}
