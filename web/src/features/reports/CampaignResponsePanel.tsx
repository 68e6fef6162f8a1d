import type { CampaignResponse } from '@contracts/reports.ts';
import { Alert, Box, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Figure } from './ProfitTable.tsx';
import { formatPoints, rateAxisMax } from './reportFigures.ts';
import { SegmentReportExportButtons, useDimensionOptions } from './SegmentReportControls.tsx';
import { useCampaignResponse } from './useSegmentReports.ts';

type Rate = CampaignResponse['total'];
const BAR_WIDTH = 120;

/** On the campaign page: who of its target segment bought within the response window, by group, with 95% intervals, against the holdout. */
export function CampaignResponsePanel({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const [by, setBy] = useState('none');
  const response = useCampaignResponse(campaignId, by);
  const dimensions = useDimensionOptions({ withNone: true });
  const data = response.data;
  const actions = (
    <Group gap="xs" align="flex-end">
      <Select size="xs" label={t('segmentReports.response.by')} data={dimensions} value={by} onChange={(next) => next && setBy(next)} allowDeselect={false} searchable w={180} />
      {data && !data.problem && <SegmentReportExportButtons report={{ campaignId }} query={{ by }} size="xs" />}
    </Group>
  );
  return (
    <Panel size="sm" title={t('segmentReports.response.title')} description={data ? <ResponseFacts report={data} /> : t('segmentReports.response.description')} actions={actions}>
      {response.isPending && <LoadingState />}
      {response.isError && <ErrorAlert error={response.error} onRetry={() => void response.refetch()} />}
      {data &&
        (data.problem ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t(`segmentReports.response.problems.${data.problem}`)}
          </Alert>
        ) : (
          <div style={{ opacity: response.isPlaceholderData ? 0.6 : 1 }}>
            <ResponseTable report={data} groupHeading={dimensions.find((option) => option.value === by)?.label ?? t('segmentReports.response.columns.group')} />
            <Lift report={data} />
          </div>
        ))}
    </Panel>
  );
}

function ResponseFacts({ report }: { report: CampaignResponse }) {
  const { t } = useI18n();
  const format = useFormat();
  const segment = report.segment;
  return (
    <Stack gap={0} component="span">
      <span>{t('segmentReports.response.description')}</span>
      {segment && (
        <span>
          {t('segmentReports.response.target', { name: segment.name })} ({segment.kind === 'snapshot' && segment.frozenAt ? t('segmentReports.response.frozen', { date: format.date(segment.frozenAt) }) : t('segmentReports.response.dynamic')})
          {report.window && `. ${t('segmentReports.response.window', { from: format.day(report.window.from), to: format.day(report.window.to) })}`}
        </span>
      )}
    </Stack>
  );
}

const TOTAL: CSSProperties = { borderTop: '2px solid var(--mantine-color-gray-4)', background: 'var(--mantine-color-gray-0)' };

function ResponseTable({ report, groupHeading }: { report: CampaignResponse; groupHeading: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const window = report.window ? { from: format.day(report.window.from), to: format.day(report.window.to) } : { from: '…', to: '…' };
  const grouped = report.by !== 'none' && report.rows.length > 0;
  const axisMax = rateAxisMax([report.total.high, report.holdout?.high ?? null, ...report.rows.flatMap((row) => [row.high, row.holdout?.high ?? null])]);
  const pct = (value: number | null) => (value === null ? '—' : format.percent(value, 1));
  const facts = (rate: Rate, group: string) => ({ group, targeted: format.number(rate.targeted), responded: format.number(rate.responded), rate: pct(rate.rate), low: pct(rate.low), high: pct(rate.high), ...window, currency: report.currency });
  const columns = ['group', 'targeted', 'responded', 'rate', 'interval', 'revenue', 'holdout'] as const;

  const line = (key: string, label: string, group: string, rate: Rate, holdout: Rate | null | undefined, style?: CSSProperties, color = 'indigo') => {
    const f = facts(rate, group);
    return (
      <Table.Tr key={key} style={style} fw={style ? 600 : undefined}>
        <Table.Th scope="row" style={{ fontWeight: style ? 600 : 500, minWidth: 130, maxWidth: 220 }}>
          <Text size="xs" fw="inherit" lineClamp={3}>
            {label}
          </Text>
        </Table.Th>
        <Table.Td ta="right">
          <Figure sentence={t('segmentReports.response.help.targeted', f)}>{f.targeted}</Figure>
        </Table.Td>
        <Table.Td ta="right">
          <Figure sentence={t('segmentReports.response.help.responded', f)}>{f.responded}</Figure>
        </Table.Td>
        <Table.Td ta="right">
          <Figure sentence={rate.rate === null ? t('segmentReports.response.help.noRate') : t('segmentReports.response.help.rate', f)} strong>
            {f.rate}
          </Figure>
        </Table.Td>
        <Table.Td>
          <IntervalBar rate={rate} max={axisMax} color={color} sentence={rate.rate === null ? t('segmentReports.response.help.noRate') : t('segmentReports.response.help.interval', f)} />
        </Table.Td>
        <Table.Td ta="right">
          <Figure sentence={t('segmentReports.response.help.revenue', f)}>{format.money(rate.revenue, report.currency)}</Figure>
        </Table.Td>
        <Table.Td ta="right">
          {holdout === undefined ? null : holdout === null || holdout.targeted === 0 ? (
            <Figure sentence={t('segmentReports.response.help.noHoldout', { group })}>—</Figure>
          ) : (
            <Figure sentence={t('segmentReports.response.help.holdout', facts(holdout, group))}>{pct(holdout.rate)}</Figure>
          )}
        </Table.Td>
      </Table.Tr>
    );
  };

  const everyone = t('segmentReports.response.total');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} horizontalSpacing={8} highlightOnHover fz="xs" aria-label={t('segmentReports.response.title')}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" ta={column === 'group' || column === 'interval' ? 'left' : 'right'} style={{ verticalAlign: 'bottom' }}>
                {column === 'group' ? (grouped ? groupHeading : '') : t(`segmentReports.response.columns.${column}`)}
                {column === 'interval' && (
                  <Text component="span" size="10px" c="dimmed" fw={400} display="block">
                    {t('segmentReports.response.scale', { max: format.percent(axisMax) })}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grouped && report.rows.map((row, index) => line(row.key || `unknown-${index}`, row.label, row.label, row, row.holdout))}
          {line('*total', everyone, everyone.toLocaleLowerCase(), report.total, report.holdout, TOTAL)}
          {report.holdout && line('*holdout', t('segmentReports.response.holdoutRow'), t('segmentReports.response.holdoutRow').toLocaleLowerCase(), report.holdout, undefined, { background: 'var(--mantine-color-gray-0)' }, 'gray')}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The rate as a dot on a line from its interval's lower to upper bound, with whiskers, over a faint 0–max track. */
function IntervalBar({ rate, max, color, sentence }: { rate: Rate; max: number; color: string; sentence: string }) {
  const x = (value: number) => 4 + (Math.min(value, max) / max) * (BAR_WIDTH - 8);
  const stroke = `var(--mantine-color-${color}-6)`;
  return (
    <Tooltip label={sentence} multiline w={320} withArrow openDelay={150}>
      <Box component="span" tabIndex={0} display="inline-block" style={{ cursor: 'help', lineHeight: 0 }}>
        <svg width={BAR_WIDTH} height={16} viewBox={`0 0 ${BAR_WIDTH} 16`} aria-hidden>
          <line x1={4} x2={BAR_WIDTH - 4} y1={8} y2={8} stroke="var(--mantine-color-gray-2)" strokeWidth={6} strokeLinecap="round" />
          {rate.low !== null && rate.high !== null && (
            <g stroke={stroke} strokeWidth={1.5}>
              <line x1={x(rate.low)} x2={x(rate.high)} y1={8} y2={8} />
              <line x1={x(rate.low)} x2={x(rate.low)} y1={3} y2={13} />
              <line x1={x(rate.high)} x2={x(rate.high)} y1={3} y2={13} />
            </g>
          )}
          {rate.rate !== null && <circle cx={x(rate.rate)} cy={8} r={3.5} fill={stroke} />}
        </svg>
      </Box>
    </Tooltip>
  );
}

function Lift({ report }: { report: CampaignResponse }) {
  const { t, locale } = useI18n();
  if (!report.holdout || report.holdout.targeted === 0 || !report.lift) {
    return (
      <Text size="xs" c="dimmed" mt="sm">
        {t('segmentReports.response.noHoldout')}
      </Text>
    );
  }
  const { difference, low, high } = report.lift;
  const sure = low > 0 || high < 0;
  return (
    <Group gap="xs" mt="sm" align="baseline" wrap="wrap">
      <Text size="sm" fw={600}>
        {t('segmentReports.response.lift')}:
      </Text>
      <Figure sentence={t('segmentReports.response.help.lift')} strong>
        <Text component="span" size="sm" fw={600} c={sure ? (difference > 0 ? 'teal' : 'red') : undefined}>
          {t('segmentReports.response.liftText', { difference: formatPoints(difference, locale), low: formatPoints(low, locale), high: formatPoints(high, locale) })}
        </Text>
      </Figure>
      <Text size="xs" c="dimmed">
        {t(sure ? 'segmentReports.response.liftSure' : 'segmentReports.response.liftUnsure')}
      </Text>
    </Group>
  );
}
