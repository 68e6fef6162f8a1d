import type { RoleName } from '@contracts/common.ts';
import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';

type RoleSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  roles: readonly RoleName[];
  value: RoleName;
  onChange: (role: RoleName) => void;
};

/** A role picker whose options say what each role may do. */
export function RoleSelect({ roles, value, onChange, ...props }: RoleSelectProps) {
  const t = useT();
  return (
    <Select
      allowDeselect={false}
      {...props}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}.name`) }))}
      value={value}
      onChange={(next) => next && onChange(next as RoleName)}
      description={t(`roles.${value}.description`)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {option.label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${option.value}.description`)}
          </Text>
        </Stack>
      )}
    />
  );
}
