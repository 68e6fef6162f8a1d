import { Group, Text, type MantineBreakpoint } from '@mantine/core';

/** The Rapport mark and word. The word is the product name, the same in every language. */
interface LogoProps {
  size?: number;
  /** Shows the word only from this breakpoint up (the mark alone on narrow screens). */
  wordVisibleFrom?: MantineBreakpoint;
}

export function Logo({ size = 28, wordVisibleFrom }: LogoProps) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-6)" />
        <path
          d="M10 24V8h7a5 5 0 0 1 1.2 9.85L22 24h-3.6l-3.5-6H13.2v6zm3.2-9h3.6a2 2 0 0 0 0-4h-3.6z"
          fill="#fff"
        />
      </svg>
      <Text fw={700} fz={size * 0.68} lh={1} c="dark.8" visibleFrom={wordVisibleFrom}>
        Rapport
      </Text>
    </Group>
  );
}
