import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface ImportPanelProps {
  title: string;
  description?: string;
  /** Something at the right of the title: a control, a spinner. */
  aside?: ReactNode;
  children: ReactNode;
}

/** A titled card of the import wizard. */
export function ImportPanel({ title, description, aside, children }: ImportPanelProps) {
  const id = useId();
  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2}>
          <Title order={2} fz="md" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {aside}
      </Group>
      {children}
    </Card>
  );
}
