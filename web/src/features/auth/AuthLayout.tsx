import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../ui/Logo.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';

interface AuthLayoutProps {
  title: string;
  subtitle?: string;
  /** Shown at the top right, e.g. the language switch. */
  corner?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The frame of the screens before the app: setup and sign-in. */
export function AuthLayout({ title, subtitle, corner, width = 440, children }: AuthLayoutProps) {
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0" px="md" py={48}>
      {corner && (
        <Group justify="flex-end" pos="absolute" top={16} right={16}>
          {corner}
        </Group>
      )}
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Logo size={36} />
          </Center>
          <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 32 }}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz={24}>
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
