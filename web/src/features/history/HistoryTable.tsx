import type { HistoryEntry } from '@contracts/customers.ts';
import { Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { isAvailableLocale, nativeLanguageName } from '../../i18n/catalogues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useHistoryFieldLabel } from './useHistoryFieldLabel.ts';

/** Every recorded change: when, who, what, and the value before and after. */
export function HistoryTable({ entries }: { entries: readonly HistoryEntry[] }) {
  const t = useT();
  const format = useFormat();
  const fieldLabel = useHistoryFieldLabel();
  // Values are stored as plain text; dates, languages and consent read better in the UI language.
  const readable = (field: string | null, text: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return format.day(text);
    if (field === 'preferredLanguage' && isAvailableLocale(text)) return nativeLanguageName(text);
    if (field === 'consent') return text.replace(/^(given|refused)/, (word) => t(`consent.${word}`));
    return text;
  };
  const value = (field: string | null, text: string | null) =>
    text === null || text === '' ? (
      <Text span size="sm" c="gray.6" fs="italic">
        {t('history.empty')}
      </Text>
    ) : (
      <Text span size="sm" style={{ wordBreak: 'break-word' }}>
        {readable(field, text)}
      </Text>
    );

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label={t('history.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('history.when')}</Table.Th>
            <Table.Th scope="col">{t('history.who')}</Table.Th>
            <Table.Th scope="col">{t('history.what')}</Table.Th>
            <Table.Th scope="col">{t('history.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.actor?.name ?? t('history.system')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {entry.field ? fieldLabel(entry.field) : t(`history.actions.${entry.action}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {entry.action !== 'updated' && entry.oldValue === null ? (
                  value(entry.field, entry.newValue)
                ) : (
                  <Group gap={6} wrap="wrap">
                    {value(entry.field, entry.oldValue)}
                    <IconArrowRight size={14} aria-label={t('history.to')} />
                    {value(entry.field, entry.newValue)}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
