import { NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { NAV_ITEMS } from './navItems.ts';
import { QuickSearch } from './QuickSearch.tsx';

interface AppNavbarProps {
  /** Closes the navbar on small screens after a link is followed. */
  onNavigate: () => void;
  /** On small screens the search box moves here from the header. */
  withSearch: boolean;
}

export function AppNavbar({ onNavigate, withSearch }: AppNavbarProps) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {withSearch && <QuickSearch onSearch={onNavigate} />}
      {NAV_ITEMS.map(({ to, labelKey, icon: Icon }) => (
        <NavLink
          key={to}
          component={RouterNavLink}
          to={to}
          label={t(labelKey)}
          leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
          active={pathname === to || pathname.startsWith(`${to}/`)}
          onClick={onNavigate}
          fw={500}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        />
      ))}
    </Stack>
  );
}
