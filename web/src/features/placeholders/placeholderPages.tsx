import { IconChartPie } from '@tabler/icons-react';
import { ComingSoonPage } from './ComingSoonPage.tsx';

export const SegmentsPage = () => <ComingSoonPage section="segments" icon={IconChartPie} nextTo="/customers" />;
