import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';

export interface OptionRow {
  /** Present for a saved option (kept so renaming keeps customers' choices). */
  id?: string;
  key: string;
  label: string;
}

interface OptionsEditorProps {
  options: readonly OptionRow[];
  onChange: (options: OptionRow[]) => void;
  errorAt: (path: string) => string | undefined;
}

let nextKey = 0;
export function newOptionRow(label = '', id?: string): OptionRow {
  nextKey += 1;
  return { key: `option${nextKey}`, label, ...(id && { id }) };
}

/** The choices of a single- or multiple-choice attribute: rename, add, remove. */
export function OptionsEditor({ options, onChange, errorAt }: OptionsEditorProps) {
  const t = useT();
  const set = (index: number, label: string) => onChange(options.map((option, i) => (i === index ? { ...option, label } : option)));
  return (
    <Stack gap="xs" role="group" aria-label={t('attributes.options')}>
      <Text size="sm" fw={500}>
        {t('attributes.options')}
      </Text>
      {options.map((option, index) => (
        <Group key={option.key} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={t('attributes.optionN', { n: index + 1 })}
            placeholder={t('attributes.optionHint')}
            value={option.label}
            onChange={(event) => set(index, event.currentTarget.value)}
            error={errorAt(`options.${index}.label`)}
            style={{ flex: 1 }}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('attributes.removeOption', { n: index + 1 })} onClick={() => onChange(options.filter((_, i) => i !== index))}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {options.some((option) => option.id) && (
        <Text size="xs" c="dimmed">
          {t('attributes.removeOptionHint')}
        </Text>
      )}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...options, newOptionRow()])}>
        {t('attributes.addOption')}
      </Button>
    </Stack>
  );
}
