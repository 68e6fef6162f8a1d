import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCustomerConcentration } from '../reports/useConcentration.ts';

/** On a group's own profile (the top of an organisation tree), when it holds more of the latest year's revenue than the workspace allows. */
export function ConcentrationAlert({ customerId }: { customerId: string }) {
  const t = useT();
  const format = useFormat();
  const { data } = useCustomerConcentration(customerId);
  if (!data?.warning || !data.isGroup || data.share === null) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('concentration.profile.title')}>
      {t('concentration.profile.text', { share: format.percent(data.share, 1), year: String(data.year), threshold: format.percent(data.warningShare, 0) })}{' '}
      <Anchor component={Link} to={`/reports/concentration?year=${data.year}`} inherit fw={600}>
        {t('concentration.profile.open')}
      </Anchor>
    </Alert>
  );
}
