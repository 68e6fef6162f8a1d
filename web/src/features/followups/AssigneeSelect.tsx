import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';

/** The Select's value for "the whole team" (a null assignee). */
const TEAM = 'team';

interface AssigneeSelectProps {
  value: string | null;
  onChange: (assigneeId: string | null) => void;
  /** The one it is assigned to now, listed even when the user list is not readable (members). */
  current?: { id: string; name: string } | null | undefined;
  error?: string | undefined;
}

/** Who follows up: me, a colleague (owners and admins see the whole list), or the team. */
export function AssigneeSelect({ value, onChange, current, error }: AssigneeSelectProps) {
  const t = useT();
  const { user } = useSession();
  const users = useQuery({ queryKey: queryKeys.users, queryFn: api.users.list, enabled: can(user.role, 'manageUsers') });
  const people = new Map<string, string>([[user.id, t('followUps.form.me', { name: user.name })]]);
  if (current && current.id !== user.id) people.set(current.id, current.name);
  for (const other of users.data ?? []) if (!other.disabled && other.role !== 'viewer' && !people.has(other.id)) people.set(other.id, other.name);
  return (
    <Select
      label={t('followUps.form.assignee')}
      allowDeselect={false}
      searchable={people.size > 8}
      data={[...[...people].map(([id, name]) => ({ value: id, label: name })), { value: TEAM, label: t('followUps.form.team') }]}
      value={value ?? TEAM}
      onChange={(next) => onChange(!next || next === TEAM ? null : next)}
      error={error}
    />
  );
}
