import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatTileProps {
  label: string;
  value: ReactNode;
  /** A line under the figure: what it means, or a second figure. */
  hint?: ReactNode;
}

/** One figure with its name; a group named by the label, so "Revenue, 365 days" can be found and read out. */
export function StatTile({ label, value, hint }: StatTileProps) {
  return (
    <Paper withBorder radius="md" px="md" py="xs" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={600} lh={1.3}>
        {label}
      </Text>
      <Text size="lg" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" lh={1.3}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
