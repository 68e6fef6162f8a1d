import { Command } from 'commander';
import type { SourceReportRow } from '../contracts/acquisition-reports.ts';
import { referralsReport } from '../modules/acquisition-reports/referrals-report.usecases.ts';
import { concentrationReport } from '../modules/concentration/concentration.usecases.ts';
import { sourcesReport } from '../modules/acquisition-reports/sources-report.usecases.ts';
import { systemClock } from '../shared/clock.ts';
import { badRequest } from '../shared/errors.ts';
import { withDatabase } from './database.ts';
import { addProfitReportCommand } from './report-profit.command.ts';
import { amount, percent, table } from './table.ts';
import { pickWorkspace } from './workspace-option.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && (!DATE.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)) throw badRequest('cli.bad_date', `--${name} ${value}: expected a date as YYYY-MM-DD`);
  return value;
}

function nameOf(r: SourceReportRow): string {
  if (r.level === 'total') return 'All customers';
  if (r.level === 'channel') return r.channel ?? 'Unknown';
  if (r.level === 'source') return r.sourceId === null ? 'Unknown source' : `  ${r.source}`;
  return `    ${r.campaign}`;
}

export function reportCommand(): Command {
  const command = new Command('report').description('print a report: where customers came from (sources), whom they brought (referrals), how much revenue hangs on a few groups (concentration), revenue and profit by segment over time (profit)');
  command
    .command('sources')
    .description('per channel, source and campaign: customers acquired, buyers, revenue (first 90/365 days, to date), cost, cost per customer, ROI, payback')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--from <date>', 'first acquisition day, YYYY-MM-DD')
    .option('--to <date>', 'last acquisition day, YYYY-MM-DD')
    .option('--json', 'print JSON (money in minor units of "currency")')
    .action(async (options: { workspace?: string; from?: string; to?: string; json?: boolean }) => {
      const period = { from: checkDate('from', options.from), to: checkDate('to', options.to) };
      await withDatabase(async (database) => {
        const report = await sourcesReport(database.db, await pickWorkspace(database, options.workspace), period);
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const m = amount(report.currency);
        console.log(`Sources, customers acquired ${report.from ?? 'at any time'}${report.to ? ` to ${report.to}` : ''} (${report.currency})`);
        console.log(table(
          ['', 'customers', 'bought', 'revenue 90d', 'revenue 365d', 'revenue', 'cost', 'cost/customer', 'ROI', 'payback'],
          report.rows.map((r) => [nameOf(r), r.customers, r.buyers, m(r.revenue90), m(r.revenue365), m(r.revenue), m(r.cost), m(r.costPerCustomer), r.roi === null ? '—' : `${percent(r.roi)}${r.roiBasis === 'revenue' ? ' (rev.)' : ''}`, r.paybackMonth === null ? '—' : `month ${r.paybackMonth}`]),
        ));
        if (report.headline) console.log(`\n${report.headline}`);
      });
    });
  command
    .command('referrals')
    .description('per referrer: referrals made, those who bought, their revenue (direct) and their whole network’s')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--from <date>', 'for the share of new customers by referral: first acquisition day, YYYY-MM-DD')
    .option('--to <date>', 'last acquisition day, YYYY-MM-DD')
    .option('--json', 'print JSON (money in minor units of "currency")')
    .action(async (options: { workspace?: string; from?: string; to?: string; json?: boolean }) => {
      const period = { from: checkDate('from', options.from), to: checkDate('to', options.to) };
      await withDatabase(async (database) => {
        const report = await referralsReport(database.db, await pickWorkspace(database, options.workspace), period);
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const m = amount(report.currency);
        console.log(`Referrals (${report.currency}): ${report.referredNewCustomers} of ${report.newCustomers} new customers came by referral (${percent(report.referralShare)})`);
        if (!report.rows.length) {
          console.log('Nobody has referred anyone yet: set "referred by" on a profile, or import a "referred by" column.');
          return;
        }
        console.log(table(['referrer', 'referrals', 'bought', 'direct revenue', 'network revenue', 'network', 'levels'], report.rows.map((r) => [r.referrer, r.referrals, r.buyers, m(r.directRevenue), m(r.networkRevenue), r.networkSize, r.depth])));
      });
    });
  command
    .command('concentration')
    .description('revenue share by group (an organisation with its subsidiaries and staff): top-1, top-5 and HHI, per calendar year')
    .option('-w, --workspace <id or name>', 'the workspace (needed when there are several)')
    .option('--year <YYYY>', 'the calendar year (default: the latest with revenue)')
    .option('--json', 'print JSON (money in minor units of "currency"; shares as fractions; every group)')
    .action(async (options: { workspace?: string; year?: string; json?: boolean }) => {
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw badRequest('cli.bad_year', `--year ${options.year}: expected a year as YYYY`);
      await withDatabase(async (database) => {
        const workspaceId = await pickWorkspace(database, options.workspace);
        const report = await concentrationReport({ db: database.db, now: systemClock.now() }, workspaceId, { ...(options.year && { year: Number(options.year) }), limit: options.json ? Number.MAX_SAFE_INTEGER : 20 });
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const m = amount(report.currency);
        console.log(`Concentration ${report.year} (${report.currency}): top group ${percent(report.top1Share)}, top 5 ${percent(report.top5Share)}, HHI ${report.hhi ?? '—'} of 10000, ${report.groupCount} groups`);
        if (report.warning) console.log(`Warning: one group holds more than ${percent(report.warningShare)} of the year's revenue.`);
        if (report.groups.length) console.log(table(['group', 'customers', 'revenue', 'share'], report.groups.map((g) => [g.name, g.members, m(g.revenue), percent(g.share)])));
        console.log(table(['year', 'revenue', 'groups', 'top 1', 'top 5', 'HHI', 'top group'], report.years.map((y) => [y.year, m(y.totalRevenue), y.groupCount, percent(y.top1Share), percent(y.top5Share), y.hhi ?? '—', y.topGroup?.name ?? '—'])));
      });
    });
  addProfitReportCommand(command);
  return command;
}
