import type { PREDICTION_REASONS } from '@contracts/analytics.ts';
import { Alert, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

export type PredictionReason = (typeof PREDICTION_REASONS)[number];

/** Why there are no predictions, in a sentence, and what the page shows instead. */
export function PredictionNotice({ reason, children }: { reason: PredictionReason | null; children?: ReactNode }) {
  const t = useT();
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} title={t('value.prediction.unavailable')} role="note">
      <Text size="sm">{t(`value.reason.${reason ?? 'not_computed'}`)}</Text>
      {children ?? (
        <Text size="sm" mt={4}>
          {t('value.prediction.ruleBased')}
        </Text>
      )}
    </Alert>
  );
}
