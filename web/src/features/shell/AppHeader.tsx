import { Burger, Divider, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { Logo } from '../../ui/Logo.tsx';
import { useSession } from '../auth/useSession.ts';
import { LanguageSwitch } from '../language/LanguageSwitch.tsx';
import { QuickSearch } from './QuickSearch.tsx';
import { UserMenu } from './UserMenu.tsx';

interface AppHeaderProps {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
  withSearch: boolean;
}

export function AppHeader({ navbarOpened, onToggleNavbar, withSearch }: AppHeaderProps) {
  const t = useT();
  const { workspace } = useSession();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="sm"
          size="sm"
          aria-label={t(navbarOpened ? 'shell.closeNavigation' : 'shell.openNavigation')}
        />
        <Link to="/today" aria-label={t('shell.home')} style={{ textDecoration: 'none' }}>
          <Logo wordVisibleFrom="xs" />
        </Link>
        <Divider orientation="vertical" visibleFrom="md" my={18} />
        <Text size="sm" c="dimmed" fw={500} visibleFrom="md" truncate="end" maw={220}>
          {workspace.name}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {withSearch && <QuickSearch />}
        <LanguageSwitch />
        <UserMenu />
      </Group>
    </Group>
  );
}
