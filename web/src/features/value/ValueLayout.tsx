import { Tabs } from '@mantine/core';
import { IconBrain, IconChartPie, IconCoin, type Icon } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RecomputePanel } from './RecomputePanel.tsx';

const TABS: readonly { to: string; labelKey: string; icon: Icon }[] = [
  { to: '/value', labelKey: 'value.tabs.overview', icon: IconCoin },
  { to: '/value/segments', labelKey: 'value.tabs.segments', icon: IconChartPie },
  { to: '/value/model', labelKey: 'value.tabs.model', icon: IconBrain },
];

/** Customer value: the overview, RFM segments and the prediction model as tabs, under one recompute panel. */
export function ValueLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = TABS.find((tab) => tab.to === pathname.replace(/\/$/, ''))?.to ?? '/value';
  return (
    <>
      <PageHeader title={t('value.title')} description={t('value.description')} />
      <RecomputePanel />
      <Tabs value={current} onChange={(to) => to && void navigate(to)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map(({ to, labelKey, icon: TabIcon }) => (
            <Tabs.Tab key={to} value={to} leftSection={<TabIcon size={16} aria-hidden />}>
              {t(labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={current}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
