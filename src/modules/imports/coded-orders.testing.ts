import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createCustomerSchema } from '../../contracts/customers.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Actor } from '../auth/permissions.ts';
import { createCampaign } from '../campaigns/campaigns.usecases.ts';
import { createCustomer } from '../customers/customer-writes.usecases.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';

/**
 * The Shopify orders export of fixtures/exports/shopify/orders_export_1.csv (see FIXTURES.md) with
 * its Discount Code column filled in for the tests of the codes a transactions import links:
 *
 * | order | status | code | what it is |
 * | --- | --- | --- | --- |
 * | #1008 (hannah.cho, 2024-03-09) | paid | WINTER5 | a coupon of "Winter", valid until 2024-02-29: expired |
 * | #1007 (POS, no customer, 03-08) | paid | nosuch | no code of anything |
 * | #1006 (sofia.ramirez) | voided | SPRING10 | not a purchase: left out, redeems nothing |
 * | #1003 (priya.nair, 03-04) | refunded | ERIN-2024 | Erin Referrer's referral code |
 * | #1002 (daniel.okafor, 03-02) | paid | SPRING10 | a coupon of "Spring" (2024-03-01 – 03-31, source Online → Instagram) |
 * | #1001 (emma.lawson, 03-01) | paid | NOSUCH | no code of anything (the same, in another case, as #1007's) |
 *
 * So: 2 redemptions (#1002 unflagged, #1008 expired), 1 customer referred (priya, by the sale of
 * #1003), NOSUCH unknown on 2 purchases; #1004 and #1005 carry no code.
 */
export const REFERRAL_CODE = 'ERIN-2024';
/** The counts.codes an import of the file reports, from the table above. */
export const EXPECTED_CODES = { redeemed: 2, overLimit: 0, expired: 1, notYetValid: 0, byCampaignName: 0, referred: 1, unknown: [{ code: 'NOSUCH', purchases: 2 }] };
const CODES: Record<string, string> = { '#1008': 'WINTER5', '#1007': 'nosuch', '#1006': 'SPRING10', '#1003': REFERRAL_CODE, '#1001': 'NOSUCH' };
const DISCOUNT_CODE = 12;
const FINANCIAL_STATUS = 2;

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'exports', 'shopify', 'orders_export_1.csv');

/** A CSV line's cells, quotes kept as written (the fixture has quoted commas, no quotes inside quotes). */
function cellsOf(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!);
}

export function writeCodedShopifyOrders(file: string): void {
  const [header, ...lines] = fs.readFileSync(FIXTURE, 'utf8').replace(/\n$/, '').split('\n');
  const out = lines.map((line) => {
    const cells = cellsOf(line);
    const code = CODES[cells[0]!];
    // The order's own columns are on its first row only.
    if (code !== undefined && cells[FINANCIAL_STATUS] !== '') cells[DISCOUNT_CODE] = code;
    return cells.join(',');
  });
  fs.writeFileSync(file, `${[header, ...out].join('\n')}\n`);
}

/** What the file's codes are: the two campaigns with their coupon codes, and the customer whose referral code it is. */
export async function seedCodes(db: Kysely<DB>, clock: Clock, workspaceId: string): Promise<void> {
  const actor: Actor = { workspaceId, userId: 'cli', role: 'owner', via: 'session', scope: 'read_write' };
  const deps = { db, clock };
  const instagram = await db.selectFrom('sources').select('id').where('workspace_id', '=', workspaceId).where('name', '=', 'Instagram').executeTakeFirstOrThrow();
  await createCampaign(deps, actor, { name: 'Spring', sourceId: instagram.id, codes: [{ code: 'SPRING10', validFrom: '2024-03-01', validUntil: '2024-03-31' }] });
  await createCampaign(deps, actor, { name: 'Winter', codes: [{ code: 'WINTER5', validFrom: '2023-12-01', validUntil: '2024-02-29' }] });
  const erin = await createCustomer(deps, actor, createCustomerSchema.parse({ kind: 'person', name: 'Erin Referrer', contacts: [{ kind: 'email', value: 'erin.referrer@example.com' }] }));
  await createReferralsRepository(db).setReferralCode(workspaceId, erin.id, REFERRAL_CODE);
}

/** What the codes left in the database, by natural keys: for comparing a killed and resumed import with an uninterrupted one. */
export const CODE_LEDGER_SQL = {
  redemptions: `select t.external_id as "order", cc.code, r.flag from coupon_redemptions r
    join coupon_codes cc on cc.workspace_id = r.workspace_id and cc.id = r.code_id
    join transactions t on t.workspace_id = r.workspace_id and t.id = r.transaction_id order by t.external_id`,
  customers: `select c.display_name as name, k.name as campaign, s.name as source, ref.display_name as "referredBy" from customers c
    left join campaigns k on k.workspace_id = c.workspace_id and k.id = c.campaign_id
    left join sources s on s.workspace_id = c.workspace_id and s.id = c.source_id
    left join customers ref on ref.workspace_id = c.workspace_id and ref.id = c.referred_by_id
    where c.campaign_id is not null or c.referred_by_id is not null order by c.display_name`,
};
