import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Attribute } from '../../contracts/attributes.ts';
import type { CustomerSummary, listCustomersQuerySchema } from '../../contracts/customers.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import type { Actor } from '../auth/permissions.ts';
import { listCustomers } from '../customers/customer-list.usecases.ts';
import { currencyExponent } from '../imports/number-values.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createExportsRepository } from './exports.repository.ts';
import { createSheetWriter, type CellValue, type SheetColumn, type SheetFormat } from './sheet-writers.ts';

export interface ExportDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type ListQuery = z.output<typeof listCustomersQuerySchema>;

/** A moment as the workspace's wall-clock time, "YYYY-MM-DDTHH:mm:ss" (spreadsheets have no time zones). */
function wallClock(timeZone: string): (iso: string | null) => string | null {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return (iso) => (iso ? format.format(new Date(iso)).replace(' ', 'T') : null);
}

/**
 * The customer list — any filters, search and sort, as on screen — to CSV or XLSX, every
 * matching customer (walked a page at a time), with every attribute as its own typed column.
 */
export async function exportCustomers(deps: ExportDeps, actor: Actor, query: ListQuery, format: SheetFormat, out: Writable): Promise<void> {
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId))!;
  const definitions = await listAttributes(deps, actor.workspaceId);
  const local = wallClock(workspace.time_zone);
  const columns: SheetColumn[] = [
    { header: 'Name', type: 'text' },
    { header: 'Kind', type: 'text' },
    { header: 'Email', type: 'text' },
    { header: 'Phone', type: 'text' },
    { header: 'Organisation', type: 'text' },
    { header: 'City', type: 'text' },
    { header: 'Country', type: 'text' },
    { header: 'Tags', type: 'text' },
    ...definitions.map((d) => ({ header: d.label, type: attributeCellType(d), decimals: currencyExponent(workspace.base_currency) })),
    { header: 'Completeness %', type: 'integer' },
    { header: 'Customer since', type: 'date' },
    { header: 'First purchase', type: 'datetime' },
    { header: 'Latest purchase', type: 'datetime' },
    { header: 'Next follow-up', type: 'date' },
    { header: 'Revenue (365 days)', type: 'money', decimals: currencyExponent(workspace.base_currency) },
    { header: 'Revenue (lifetime)', type: 'money', decimals: currencyExponent(workspace.base_currency) },
    { header: 'Purchases', type: 'integer' },
    { header: 'Days since last purchase', type: 'integer' },
    { header: 'Value rank', type: 'integer' },
    { header: 'Tier', type: 'text' },
    { header: 'RFM segment', type: 'text' },
    { header: 'Lapse state', type: 'text' },
    { header: 'P(alive)', type: 'number' },
    { header: 'Predicted value', type: 'money', decimals: currencyExponent(workspace.base_currency) },
    { header: 'Created', type: 'datetime' },
    { header: 'Rapport id', type: 'text' },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Customers');
  let cursor: string | undefined = undefined;
  do {
    const page = await listCustomers(deps, actor, { ...query, limit: 500, cursor });
    for (const c of page.items) await sheet.addRow(customerRow(c, definitions, local, 10 ** currencyExponent(workspace.base_currency)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await sheet.end();
}

function optionLabel(d: Attribute, id: string): string {
  return d.options.find((o) => o.id === id)?.label ?? id;
}

function attributeCellType(d: Attribute): SheetColumn['type'] {
  return d.type === 'number' ? 'number' : d.type === 'money' ? 'money' : d.type === 'date' ? 'date' : d.type === 'boolean' ? 'boolean' : 'text';
}

/** Money attributes are stored in minor units: written as amounts in the workspace's currency. */
function customerRow(c: CustomerSummary, definitions: Attribute[], local: (iso: string | null) => string | null, minorPerUnit: number): CellValue[] {
  return [
    c.displayName,
    c.kind,
    c.email,
    c.phone,
    c.organisation?.displayName ?? null,
    c.city,
    c.country,
    c.tags.map((t) => t.name).join(', ') || null,
    ...definitions.map((d) => {
      const v = c.attributes[d.key];
      if (v === undefined || v === null) return null;
      if (Array.isArray(v)) return v.map((id) => optionLabel(d, id)).join(', ');
      if (d.type === 'choice' && typeof v === 'string') return optionLabel(d, v);
      if (d.type === 'money' && typeof v === 'number') return v / minorPerUnit;
      return v;
    }),
    c.completeness,
    c.customerSince,
    local(c.firstPurchaseAt),
    local(c.lastPurchaseAt),
    c.nextFollowUp,
    ...valueCells(c.value, minorPerUnit),
    local(c.createdAt),
    c.id,
  ];
}

/** The customer-value columns (empty until computed; money as amounts, codes as in the API). */
function valueCells(v: CustomerSummary['value'], minorPerUnit: number): CellValue[] {
  if (!v) return [null, null, null, null, null, null, null, null, null, null];
  return [v.revenue365Minor / minorPerUnit, v.revenueLifetimeMinor / minorPerUnit, v.purchases, v.daysSinceLastPurchase, v.valueRank, v.tier, v.rfmSegment, v.lapseState, v.pAlive, v.clvMinor === null ? null : v.clvMinor / minorPerUnit];
}

/** Every transaction of the workspace, oldest first, with its customer's external id and name. */
export async function exportTransactions(deps: ExportDeps, actor: Actor, format: SheetFormat, out: Writable): Promise<void> {
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId))!;
  const local = wallClock(workspace.time_zone);
  const columns: SheetColumn[] = [
    { header: 'Date', type: 'datetime' },
    { header: 'Order number', type: 'text' },
    { header: 'Kind', type: 'text' },
    { header: 'Amount', type: 'money', decimals: currencyExponent(workspace.base_currency) },
    { header: 'Currency', type: 'text' },
    { header: 'Cost', type: 'money', decimals: currencyExponent(workspace.base_currency) },
    { header: 'Channel', type: 'text' },
    { header: 'Campaign', type: 'text' },
    { header: 'Customer id', type: 'text' },
    { header: 'Customer', type: 'text' },
    { header: 'Lines', type: 'integer' },
    { header: 'Source', type: 'text' },
    { header: 'Rapport id', type: 'text' },
  ];
  const sheet = createSheetWriter(format, out, columns, 'Transactions');
  const repo = createExportsRepository(deps.db);
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await repo.transactionsPage(actor.workspaceId, 2000, after);
    if (rows.length === 0) break;
    for (const t of rows) {
      const scale = 10 ** currencyExponent(t.currency);
      await sheet.addRow([local(t.occurred_at), t.external_id?.startsWith('row:') ? null : t.external_id, t.kind, Number(t.amount_minor) / scale, t.currency, t.cost_minor === null ? null : Number(t.cost_minor) / scale, t.channel, t.campaign, t.customer_external_id, t.customer_name, Number(t.lines), t.source, t.id]);
    }
    const last = rows.at(-1)!;
    after = { at: last.occurred_at, id: last.id };
  }
  await sheet.end();
}
