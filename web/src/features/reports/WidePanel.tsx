import { Card, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled card with little padding, for a table with many columns: every pixel goes to the figures. */
export function WidePanel({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder radius="lg" px="sm" py="md" component="section" aria-labelledby={id}>
      <Stack gap={2} mb="sm" px={6}>
        <Title order={2} fz="md" id={id}>
          {title}
        </Title>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Card>
  );
}
