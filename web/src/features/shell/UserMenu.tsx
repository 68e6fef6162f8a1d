import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useSession } from '../auth/useSession.ts';
import { useSignOut } from '../auth/useSignIn.ts';

/** The signed-in user: their account page and signing out. */
export function UserMenu() {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSession();
  const signOut = useSignOut();

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.accountMenu', { name: user.name })} className="rapport-user-button">
          <Group gap={8} wrap="nowrap">
            <Avatar name={user.name} color="initials" size={32} radius="xl" aria-hidden />
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate="end">
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.7" truncate="end">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => void navigate('/settings/account')}>
          {t('shell.myAccount')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
