import { Alert, Button } from '@mantine/core';
import { IconRefresh, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useReloadProfile } from './useProfile.ts';

/** Someone else saved this customer after it was loaded: say so, and offer to load their version. */
export function StaleAlert({ customerId, onReloaded }: { customerId: string; onReloaded: () => void }) {
  const t = useT();
  const reload = useReloadProfile(customerId);
  const [reloading, setReloading] = useState(false);
  return (
    <Alert color="yellow" variant="light" icon={<IconUsersGroup aria-hidden />} title={t('profile.stale.title')} role="alert">
      {t('profile.stale.text')}
      <Button
        mt="sm"
        size="xs"
        variant="white"
        color="yellow.9"
        display="block"
        leftSection={<IconRefresh size={14} aria-hidden />}
        loading={reloading}
        onClick={() => {
          setReloading(true);
          void reload().finally(() => {
            setReloading(false);
            onReloaded();
          });
        }}
      >
        {t('profile.stale.reload')}
      </Button>
    </Alert>
  );
}
