import { List, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { skippedReason } from './sourceModel.ts';

/** Rows left out on purpose — not rejected, nothing to fix: lines above the header, rows that are not purchases, totals. */
export function SkippedRows({ rows, total }: { rows: readonly { row: number; reason: string }[]; total?: number }) {
  const t = useT();
  const say = useSkippedReason();
  if (rows.length === 0) return null;
  const more = (total ?? rows.length) - rows.length;
  return (
    <section aria-label={t('imports.skipped.title')}>
      <Text size="sm" fw={600} mb={4}>
        {t('imports.skipped.title')}
      </Text>
      <List size="sm" spacing={2} c="dimmed">
        {rows.map((row) => (
          <List.Item key={row.row}>{t('imports.skipped.item', { row: row.row, reason: say(row.reason) })}</List.Item>
        ))}
      </List>
      {more > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('imports.skipped.more', { count: more })}
        </Text>
      )}
    </section>
  );
}

/** A row's reason to be left out, in the user's language. */
export function useSkippedReason() {
  const t = useT();
  return (reason: string) => {
    const said = skippedReason(reason);
    return 'text' in said ? said.text : t(said.key, said.vars);
  };
}
