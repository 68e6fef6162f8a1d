import { IconChartPie, IconReportAnalytics } from '@tabler/icons-react';
import { ComingSoonPage } from './ComingSoonPage.tsx';

export const SegmentsPage = () => <ComingSoonPage section="segments" icon={IconChartPie} nextTo="/customers" />;
export const ReportsPage = () => <ComingSoonPage section="reports" icon={IconReportAnalytics} nextTo="/customers" />;
