import type { Command } from 'commander';
import { PERIODS, type PeriodUnit } from '../contracts/reports.ts';
import { profitReport } from '../modules/segment-reports/profit-report.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { badRequest } from '../shared/errors.ts';
import { withDatabase } from './database.ts';
import { amount, percent, table } from './table.ts';
import { pickWorkspace } from './workspace-option.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && (!DATE.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)) throw badRequest('cli.bad_date', `--${name} ${value}: expected a date as YYYY-MM-DD`);
  return value;
}

/** `rapport report profit`: revenue, profit, active customers, average order and frequency per group and period. */
export function addProfitReportCommand(command: Command): void {
  command
    .command('profit')
    .description('per group (segment, tier, rfm, lapse, source, channel, campaign, kind, country, city or an attribute) and period: revenue, profit, active customers, orders, average order, frequency, change')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--by <dimension>', 'segment, segment:<id>[,<id>], tier, rfm, lapse, source, channel, campaign, kind, country, city, attribute:<key>, none', 'tier')
    .option('--period <unit>', 'month, quarter or year', 'month')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD (today by default)')
    .option('--filter <filter>', 'only customers matching this filter (docs/filters.md)')
    .option('--json', 'print JSON (money in minor units of "currency")')
    .action(async (options: { workspace?: string; by: string; period: string; from?: string; to?: string; filter?: string; json?: boolean }) => {
      if (!(PERIODS as readonly string[]).includes(options.period)) throw badRequest('cli.bad_period', `--period ${options.period}: use month, quarter or year`);
      const query = { by: options.by, period: options.period as PeriodUnit, from: checkDate('from', options.from), to: checkDate('to', options.to), filter: options.filter, lang: 'en' as const };
      await withDatabase(async (database) => {
        const report = await profitReport({ db: database.db, clock: systemClock }, await pickWorkspace(database, options.workspace), query);
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const m = amount(report.currency);
        console.log(`Revenue by ${report.byLabel.toLowerCase()} and ${report.period}, ${report.from} to ${report.to} (${report.currency})${report.filter ? `, customers matching: ${report.filter}` : ''}`);
        const rows = [...report.rows, report.total];
        console.log(table(['', ...report.periods.map((p) => p.key), 'total', 'profit', 'active', 'avg order', 'orders/active'], rows.map((r) => [
          r.label,
          ...r.cells.map((c) => `${m(c.revenue)}${c.change.revenue === null ? '' : ` (${c.change.revenue >= 0 ? '+' : ''}${percent(c.change.revenue)})`}`),
          m(r.total.revenue), m(r.total.profit), r.total.activeCustomers, m(r.total.averageOrder), r.total.frequency === null ? '—' : r.total.frequency.toFixed(2),
        ])));
      });
    });
}
