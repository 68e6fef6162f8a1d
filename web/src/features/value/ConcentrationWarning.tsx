import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useConcentrationHeadline } from '../reports/useConcentration.ts';

/** On the dashboard, only when one group holds more of the latest year's revenue than the workspace allows. */
export function ConcentrationWarning() {
  const t = useT();
  const format = useFormat();
  const { data } = useConcentrationHeadline();
  const top = data?.groups[0];
  if (!data?.warning || !top) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('concentration.dashboard.title')}>
      {t('concentration.dashboard.text', { name: top.name, share: format.percent(top.share, 1), year: String(data.year), threshold: format.percent(data.warningShare, 0) })}{' '}
      <Anchor component={Link} to={data.year ? `/reports/concentration?year=${data.year}` : '/reports/concentration'} inherit fw={600}>
        {t('concentration.dashboard.open')}
      </Anchor>
    </Alert>
  );
}
