import { Button, EmptyState, Text } from '@mantine/core';
import { IconFilterOff, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

interface ListEmptyStateProps {
  /** Filters or a search are on: nothing matched, though customers exist. */
  narrowed: boolean;
  canWrite: boolean;
  addButton: ReactNode;
  onClearFilters: () => void;
}

/** An empty list says why and what to do next. */
export function ListEmptyState({ narrowed, canWrite, addButton, onClearFilters }: ListEmptyStateProps) {
  const t = useT();
  if (narrowed) {
    return (
      <EmptyState
        icon={<IconFilterOff size={28} stroke={1.6} aria-hidden />}
        variant="light"
        title={<Text component="span" fw={600} fz="lg">{t('customers.noMatch.title')}</Text>}
        description={t('customers.noMatch.text')}
      >
        <EmptyState.Actions>
          <Button variant="light" onClick={onClearFilters}>
            {t('customers.noMatch.clear')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconUsers size={28} stroke={1.6} aria-hidden />}
      variant="light"
      title={<Text component="span" fw={600} fz="lg">{t('customers.empty.title')}</Text>}
      description={t(canWrite ? 'customers.empty.text' : 'customers.empty.textReadOnly')}
    >
      {canWrite && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
    </EmptyState>
  );
}
