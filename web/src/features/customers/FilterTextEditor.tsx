import { Button, Code, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useCheckFilter, useFilterCheck, useFilterLang } from '../segments/useSegments.ts';
import { caretLines, parseFilterText, serverFilterMistake, type FilterMistake } from './filterErrors.ts';

/** A filter's mistake under its input: the message, and the line with a caret under the character. */
export function FilterMistakeView({ text, mistake }: { text: string; mistake: FilterMistake }) {
  const { line, caret } = caretLines(text, mistake.at);
  return (
    <Stack gap={4} role="alert">
      <Text size="sm" c="red.8">
        {mistake.message}
      </Text>
      {line.trim() !== '' && (
        <Code block fz="sm" style={{ overflowX: 'auto', whiteSpace: 'pre' }} aria-hidden>
          {line}
          {'\n'}
          <Text component="span" c="red.7" fw={700} ff="monospace" fz="sm">
            {caret}
          </Text>
        </Code>
      )}
    </Stack>
  );
}

interface FilterTextEditorProps {
  /** The filter applied now (remount with a new key to start from another text). */
  value: string;
  onApply: (text: string) => void;
}

/** The list's filter as text: checked as the user types, checked by the server (names, types, count) on Enter. */
export function FilterTextEditor({ value, onApply }: FilterTextEditorProps) {
  const t = useT();
  const lang = useFilterLang();
  const [draft, setDraft] = useState(value);
  const { mistake } = useMemo(() => parseFilterText(draft, lang), [draft, lang]);
  const check = useCheckFilter();
  const trimmed = draft.trim();
  const checked = check.variables === trimmed;
  const serverMistake = checked && check.isError ? serverFilterMistake(check.error, lang) : null;
  const shown = mistake ?? serverMistake;
  const pending = trimmed !== value.trim();
  // The applied filter's count (the check on Enter fills this cache entry, so it is not asked twice).
  const applied = useFilterCheck(value.trim(), value.trim() !== '');

  const apply = () => {
    if (mistake) return;
    if (trimmed === '') {
      onApply('');
      return;
    }
    check.mutate(trimmed, { onSuccess: () => onApply(trimmed) });
  };

  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Textarea
          aria-label={t('filterText.label')}
          placeholder={t('filterText.placeholder')}
          autosize
          minRows={1}
          maxRows={6}
          flex={1}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={draft}
          error={shown !== null}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              apply();
            }
          }}
        />
        <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={apply} loading={check.isPending} disabled={mistake !== null}>
          {t('filterText.apply')}
        </Button>
        {(value !== '' || draft !== '') && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => {
              setDraft('');
              onApply('');
            }}
          >
            {t('filterText.clear')}
          </Button>
        )}
      </Group>
      {shown ? (
        <FilterMistakeView text={draft} mistake={shown} />
      ) : (
        <Text size="xs" c="dimmed" aria-live="polite">
          {!pending && applied.data && !applied.isPlaceholderData
            ? `${t('filterText.matches', { count: applied.data.count })} ${t('filterText.hint')}`
            : pending && trimmed !== ''
              ? t('filterText.pressEnter')
              : t('filterText.hint')}
        </Text>
      )}
      {checked && check.isError && !serverMistake && <Text size="sm" c="red.8">{check.error.message}</Text>}
    </Stack>
  );
}
