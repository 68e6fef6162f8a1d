import { AppShell } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet, useLocation } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
import { AppHeader } from './AppHeader.tsx';
import { AppNavbar } from './AppNavbar.tsx';

/** Header, navigation and the page. On small screens the navigation folds behind a burger. */
export function AppShellLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const [navbarOpened, { toggle, close }] = useDisclosure(false);
  // One search box at a time (header on wide screens, navbar on narrow), so its label is unique.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className="rapport-skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader navbarOpened={navbarOpened} onToggleNavbar={toggle} withSearch={wide} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.mainNavigation')}>
        <AppNavbar onNavigate={close} withSearch={!wide} />
      </AppShell.Navbar>
      <AppShell.Main id="main" bg="gray.0" tabIndex={-1}>
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
