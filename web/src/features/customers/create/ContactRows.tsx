import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMail, IconPhone, IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../../i18n/i18nContext.ts';
import { newContactRow, numberInKind, sentIndexes, type ContactKind, type ContactRow } from './contactRows.ts';

interface ContactRowsProps {
  rows: readonly ContactRow[];
  onChange: (rows: ContactRow[]) => void;
  errorAt: (path: string) => string | undefined;
}

/** Any number of emails and phones, each with an optional label ("work", "home"). */
export function ContactRows({ rows, onChange, errorAt }: ContactRowsProps) {
  const t = useT();
  const indexes = sentIndexes(rows);
  const set = (position: number, patch: Partial<ContactRow>) => onChange(rows.map((row, index) => (index === position ? { ...row, ...patch } : row)));
  const add = (kind: ContactKind) => onChange([...rows, newContactRow(kind)]);

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('contacts.title')}
      </Text>
      {rows.map((row, position) => {
        const n = numberInKind(rows, position);
        const name = t(`contacts.${row.kind}N`, { n });
        const path = indexes[position] === null ? null : `contacts.${indexes[position]}`;
        return (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={name}
              type={row.kind === 'email' ? 'email' : 'tel'}
              leftSection={row.kind === 'email' ? <IconMail size={16} aria-hidden /> : <IconPhone size={16} aria-hidden />}
              value={row.value}
              onChange={(event) => set(position, { value: event.currentTarget.value })}
              error={path ? errorAt(`${path}.value`) : undefined}
              style={{ flex: 2 }}
            />
            <TextInput
              label={t('contacts.label')}
              aria-label={t(`contacts.${row.kind}LabelFor`, { n })}
              placeholder={t(row.kind === 'email' ? 'contacts.emailLabelHint' : 'contacts.phoneLabelHint')}
              value={row.label}
              onChange={(event) => set(position, { label: event.currentTarget.value })}
              error={path ? errorAt(`${path}.label`) : undefined}
              style={{ flex: 1 }}
            />
            <ActionIcon variant="subtle" color="gray" mt={26} size="lg" aria-label={t(`contacts.${row.kind}Remove`, { n })} onClick={() => onChange(rows.filter((_, index) => index !== position))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <Group gap="xs">
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => add('email')}>
          {t('contacts.addEmail')}
        </Button>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => add('phone')}>
          {t('contacts.addPhone')}
        </Button>
      </Group>
    </Stack>
  );
}
