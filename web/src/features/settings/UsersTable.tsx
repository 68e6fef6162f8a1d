import type { Session } from '@contracts/auth.ts';
import type { RoleName } from '@contracts/common.ts';
import type { User } from '@contracts/users.ts';
import { ActionIcon, Badge, Group, Loader, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBan, IconCheck, IconDots, IconUserCheck } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { RoleBadge } from './RoleBadge.tsx';
import { grantableRoles } from './roles.ts';

interface UsersTableProps {
  users: readonly User[];
  me: Session['user'];
  busyUserId: string | null;
  onChangeRole: (user: User, role: RoleName) => void;
  onDisable: (user: User) => void;
  onEnable: (user: User) => void;
}

export function UsersTable({ users, me, busyUserId, onChangeRole, onDisable, onEnable }: UsersTableProps) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const isMe = user.id === me.id;
            // Only an owner may change an owner (the server says so too: users.owner_only).
            const manageable = user.role !== 'owner' || me.role === 'owner';
            return (
              <Table.Tr key={user.id} opacity={user.disabled ? 0.65 : 1}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    {isMe && (
                      <Badge size="xs" variant="outline" color="gray">
                        {t('users.you')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={user.role} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={user.disabled ? 'red' : 'teal'}>
                    {t(user.disabled ? 'users.status.disabled' : 'users.status.active')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {busyUserId === user.id ? (
                    <Loader size="xs" aria-label={t('common.saving')} />
                  ) : (
                    manageable && (
                      <Menu position="bottom-end" width={220}>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: user.name })}>
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Label>{t('users.changeRole')}</Menu.Label>
                          {grantableRoles(me.role).map((role) => (
                            <Menu.Item
                              key={role}
                              disabled={role === user.role}
                              rightSection={role === user.role ? <IconCheck size={14} aria-hidden /> : null}
                              onClick={() => onChangeRole(user, role)}
                            >
                              {t(`roles.${role}.name`)}
                            </Menu.Item>
                          ))}
                          {!isMe && <Menu.Divider />}
                          {!isMe &&
                            (user.disabled ? (
                              <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => onEnable(user)}>
                                {t('users.enable')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={() => onDisable(user)}>
                                {t('users.disable.action')}
                              </Menu.Item>
                            ))}
                        </Menu.Dropdown>
                      </Menu>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
