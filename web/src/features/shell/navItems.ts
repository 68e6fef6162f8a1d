import {
  IconBuildingSkyscraper,
  IconChartPie,
  IconCoin,
  IconFileImport,
  IconHeartHandshake,
  IconMagnet,
  IconReportAnalytics,
  IconSettings,
  IconSpeakerphone,
  IconSun,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  to: string;
  /** Catalogue key of the link text (also the page title). */
  labelKey: string;
  icon: Icon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/today', labelKey: 'nav.today', icon: IconSun },
  { to: '/winback', labelKey: 'winback.nav', icon: IconMagnet },
  { to: '/thanks', labelKey: 'thanks.nav', icon: IconHeartHandshake },
  { to: '/customers', labelKey: 'nav.customers', icon: IconUsers },
  { to: '/organisations', labelKey: 'nav.organisations', icon: IconBuildingSkyscraper },
  { to: '/value', labelKey: 'nav.value', icon: IconCoin },
  { to: '/segments', labelKey: 'nav.segments', icon: IconChartPie },
  { to: '/reports', labelKey: 'nav.reports', icon: IconReportAnalytics },
  { to: '/campaigns', labelKey: 'nav.campaigns', icon: IconSpeakerphone },
  { to: '/import', labelKey: 'nav.import', icon: IconFileImport },
  { to: '/settings', labelKey: 'nav.settings', icon: IconSettings },
];
