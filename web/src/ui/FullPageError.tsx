import { Box, Center, Stack } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Logo } from './Logo.tsx';

/** When the app cannot even start (server unreachable): what went wrong and a retry. */
export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Box mih="100vh" bg="gray.0" p="md">
      <Center mih="80vh">
        <Stack w="100%" maw={480} gap="lg" align="stretch">
          <Center>
            <Logo size={36} />
          </Center>
          <ErrorAlert error={error} onRetry={onRetry} />
        </Stack>
      </Center>
    </Box>
  );
}
