import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled card on a settings page. */
export function SettingsSection({ title, description, actions, children }: SettingsSectionProps) {
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section">
      <Group justify="space-between" align="flex-start" mb="lg" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
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
