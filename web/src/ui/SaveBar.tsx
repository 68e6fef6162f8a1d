import { Button, Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';

interface SaveBarProps {
  label: string;
  loading: boolean;
  /** The confirmation to show after a successful save, or null. */
  savedMessage: string | null;
}

/** A form's submit button with a spoken confirmation next to it once saved. */
export function SaveBar({ label, loading, savedMessage }: SaveBarProps) {
  return (
    <Group gap="md" mt="xs">
      <Button type="submit" loading={loading}>
        {label}
      </Button>
      <Text size="sm" c="teal.8" role="status" aria-live="polite">
        {savedMessage && (
          <Group component="span" gap={6}>
            <IconCircleCheck size={16} aria-hidden />
            {savedMessage}
          </Group>
        )}
      </Text>
    </Group>
  );
}
