import type { Employment } from '@contracts/customers.ts';
import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CustomerLink } from '../customers/CustomerLink.tsx';
import { useRemoveEmployment } from './useProfile.ts';

interface EmploymentListProps {
  employments: readonly Employment[];
  /** Which side to show: the organisation (on a person) or the person (on an organisation). */
  show: 'organisation' | 'person';
  canWrite: boolean;
  emptyText: string;
}

/** Where a person works, or who works at an organisation, each with their role. */
export function EmploymentList({ employments, show, canWrite, emptyText }: EmploymentListProps) {
  const t = useT();
  const remove = useRemoveEmployment();
  if (employments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {employments.map((employment) => {
        const other = employment[show];
        return (
          <Group key={employment.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={8} wrap="nowrap" miw={0}>
              <CustomerLink customer={other} withIcon />
              {employment.title && (
                <Text size="sm" c="dimmed" truncate="end">
                  · {employment.title}
                </Text>
              )}
            </Group>
            {canWrite && (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('employments.remove', { person: employment.person.displayName, organisation: employment.organisation.displayName })}
                loading={remove.isPending && remove.variables.employmentId === employment.id}
                onClick={() => remove.mutate({ personId: employment.person.id, employmentId: employment.id })}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {remove.isError && <ErrorAlert error={remove.error} onClose={() => remove.reset()} />}
    </Stack>
  );
}
