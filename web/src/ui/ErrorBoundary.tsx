import { Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/i18nContext.ts';

interface ErrorBoundaryState {
  error: Error | null;
}

/** Catches a crash in the tree below and offers a reload instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Rapport crashed while rendering', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <CrashFallback onReset={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function CrashFallback({ onReset }: { onReset: () => void }) {
  const t = useT();
  return (
    <Center mih={320} p="xl" role="alert">
      <Stack align="center" gap="sm" maw={440} ta="center">
        <Title order={2}>{t('crash.title')}</Title>
        <Text c="dimmed">{t('crash.description')}</Text>
        <Group gap="sm">
          <Button variant="default" onClick={onReset}>
            {t('common.tryAgain')}
          </Button>
          <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
        </Group>
      </Stack>
    </Center>
  );
}
