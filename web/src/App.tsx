// Stylesheets are side-effect imports: Vite bundles them into the page's CSS.
// oxlint-disable-next-line import/no-unassigned-import
import '@mantine/core/styles.css';
// oxlint-disable-next-line import/no-unassigned-import
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/queryClient.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { useLocalizedTheme } from './ui/useLocalizedTheme.ts';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}

function ThemedApp() {
  const theme = useLocalizedTheme();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ErrorBoundary>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ErrorBoundary>
    </MantineProvider>
  );
}
