import { Command, InvalidArgumentError, Option } from 'commander';
import { setupRequestSchema } from '../contracts/auth.ts';
import { systemClock } from '../shared/clock.ts';
import { randomToken } from '../shared/ids.ts';
import { parseInput } from '../shared/validation.ts';
import { describeModel } from '../modules/analytics/model-summary.ts';
import { createDemoWorkspace, type DemoOutcome } from '../modules/demo/demo.usecases.ts';
import { createUsersRepository } from '../modules/users/users.repository.ts';
import { createWorkspacesRepository } from '../modules/workspaces/workspaces.repository.ts';
import type { Database } from '../db/connection.ts';
import { withDatabase } from './database.ts';
import { readStdinLine } from './prompt.ts';

interface DemoOptions {
  customers: number;
  workspaceName?: string;
  ownerEmail?: string;
  ownerName?: string;
  locale: 'en' | 'ru';
  currency?: string;
  timeZone?: string;
  seed: number;
  passwordStdin?: boolean;
}

const BY_LOCALE = {
  en: { name: 'Demo shop', owner: 'Demo Owner', currency: 'GBP', timeZone: 'Europe/London' },
  ru: { name: 'Демо-магазин', owner: 'Владелец демо', currency: 'RUB', timeZone: 'Europe/Moscow' },
};

const STEPS = { customers: 'Creating customers…', acquisition: 'Setting where they came from: sources, campaigns, referrals…', purchases: 'Writing purchases and refunds…', recompute: 'Computing customer value and fitting the models…', relationships: 'Recording reasons, thank-yous, complaints and lost customers…' };

const integer = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

/** The first of `base`, `base 2`, `base 3`… no workspace is called yet, and the same for the owner's email. */
async function freeNames(database: Database, options: DemoOptions): Promise<{ name: string; email: string }> {
  const names = new Set((await createWorkspacesRepository(database.db).listWorkspaces()).map((w) => w.name));
  let name = options.workspaceName ?? BY_LOCALE[options.locale].name;
  for (let n = 2; !options.workspaceName && names.has(name); n++) name = `${BY_LOCALE[options.locale].name} ${n}`;
  let email = options.ownerEmail ?? 'demo@rapport.example';
  for (let n = 2; !options.ownerEmail && (await createUsersRepository(database.db).findUserForSignIn(email)); n++) email = `demo${n}@rapport.example`;
  return { name, email };
}

const n = (v: number) => v.toLocaleString('en');

function printSummary(out: DemoOutcome, name: string, currency: string): void {
  console.log(`Created demo workspace "${name}" (id ${out.workspaceId}): ${n(out.customers)} customers (${n(out.organisations)} organisations), ${n(out.sales)} purchases and ${n(out.refunds)} refunds over two years.`);
  console.log(`Customer value: ${n(out.buyers)} customers with purchases, ${n(out.gold)} gold customers.`);
  console.log(`Acquisition: ${n(out.sourced)} customers with a known source, ${n(out.referred)} referred by another; ${n(out.campaigns)} campaigns, ${n(out.redemptions)} coupon redemptions (${n(out.flagged)} flagged).`);
  console.log(describeModel(out.model, currency));
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('create a new workspace filled with a demo business: customers, two years of purchases, customer value and predictions')
    .option('--customers <n>', 'how many customers', integer(1, 100_000), 600)
    .option('--workspace-name <name>', 'business name (default: "Demo shop", numbered if taken)')
    .option('--owner-email <email>', "owner's sign-in email (default: demo@rapport.example, numbered if taken)")
    .option('--owner-name <name>', "owner's name")
    .addOption(new Option('--locale <locale>', 'language of the workspace and its customers').choices(['en', 'ru']).default('en'))
    .option('--currency <code>', 'base currency (default: GBP, or RUB for ru)')
    .option('--time-zone <zone>', 'IANA time zone (default: Europe/London, or Europe/Moscow for ru)')
    .option('--seed <n>', 'the same seed makes the same business', integer(0, 2 ** 31 - 1), 1)
    .option('--password-stdin', "read the owner's password from standard input")
    // A usage error exits 2, as documented, rather than commander's own exit 1.
    .exitOverride()
    .action(async (options: DemoOptions) => {
      const generated = options.passwordStdin ? undefined : randomToken(15);
      const password = generated ?? (await readStdinLine());
      const defaults = BY_LOCALE[options.locale];
      await withDatabase(async (database) => {
        const { name, email } = await freeNames(database, options);
        const setup = parseInput(setupRequestSchema, {
          workspaceName: name,
          baseCurrency: options.currency ?? defaults.currency,
          locale: options.locale,
          timeZone: options.timeZone ?? defaults.timeZone,
          ownerName: options.ownerName ?? defaults.owner,
          email,
          password,
        });
        const started = Date.now();
        const outcome = await createDemoWorkspace(
          { db: database.db, dialect: database.dialect, clock: systemClock },
          { setup, customers: options.customers, seed: options.seed, onStep: (step) => console.error(STEPS[step]) },
        );
        printSummary(outcome, name, setup.baseCurrency);
        console.log(`Sign in as ${setup.email}`);
        if (generated) console.log(`Owner password (shown once): ${generated}`);
        console.error(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      });
    });
}
