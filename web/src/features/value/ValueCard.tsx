import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface ValueCardProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled card of the value pages, named by its heading for screen readers. */
export function ValueCard({ title, description, actions, children }: ValueCardProps) {
  const id = useId();
  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Stack gap={2} miw={0}>
          <Title order={2} fz="md" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="xs" c="dimmed">
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
