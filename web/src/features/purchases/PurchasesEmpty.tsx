import { Button, EmptyState, Text } from '@mantine/core';
import { IconFileImport, IconReceipt } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';

/** No purchases yet: the two ways to get them in. */
export function PurchasesEmpty({ canWrite, addButton }: { canWrite: boolean; addButton: ReactNode }) {
  const t = useT();
  return (
    <EmptyState
      icon={<IconReceipt size={28} stroke={1.6} aria-hidden />}
      variant="light"
      title={<Text component="span" fw={600}>{t('purchases.empty.title')}</Text>}
      description={t(canWrite ? 'purchases.empty.text' : 'purchases.empty.textReadOnly')}
    >
      {canWrite && (
        <EmptyState.Actions>
          {addButton}
          <Button component={Link} to="/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
            {t('purchases.empty.import')}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
