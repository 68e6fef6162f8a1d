import type { FileInspection } from './import-inspection.ts';
import { createRowReader, type ParsedLine } from './transaction-rows.ts';

/**
 * The first orders of a file as Rapport will store them, before the import starts: the order,
 * its customer, its lines, what the customer spent and what was refunded of it. Grouped and
 * summed as the import does (an order's total less shipping when the export gives one).
 */
export interface PreviewOrder {
  orderId: string | null;
  customer: string | null;
  occurredAt: string;
  currency: string;
  kind: 'sale' | 'refund';
  amountMinor: number;
  /** A refund following the sale (a refunded status, or a refunded amount). */
  refundMinor: number | null;
  shippingMinor: number | null;
  feeMinor: number | null;
  lines: { description: string | null; quantity: string | null; amountMinor: number }[];
  rows: number[];
}

export function previewOrders(inspection: FileInspection, count = 10): { orders: PreviewOrder[]; skipped: { row: number; reason: string }[] } {
  const read = createRowReader(inspection.settings.read);
  const orderLevel = inspection.settings.read.mapping.orderTotal !== undefined;
  const groups = new Map<string, ParsedLine[]>();
  const skipped: { row: number; reason: string }[] = [];
  for (const row of inspection.sample.rows) {
    const r = read(row);
    if (r.ok === 'skipped') skipped.push({ row: r.row, reason: r.reason });
    if (r.ok !== true) continue;
    const key = r.line.orderId ?? `row ${r.line.row}`;
    let lines = groups.get(key);
    if (!lines) {
      if (groups.size >= count) break;
      groups.set(key, (lines = []));
    }
    lines.push(r.line);
  }
  return { orders: [...groups.values()].map((lines) => toOrder(lines, orderLevel)), skipped };
}

/** What the customer paid for an order: its total less shipping (when the export gives a total), or the sum of its lines. */
export function saleAmount(lines: ParsedLine[], orderLevel: boolean): number {
  if (orderLevel) {
    const withTotal = lines.find((l) => l.orderTotalMinor !== null);
    if (withTotal) return withTotal.orderTotalMinor! - Math.sign(withTotal.orderTotalMinor!) * (withTotal.shippingMinor ?? 0);
  }
  let sum = 0;
  for (const l of lines) sum += l.amountMinor;
  return sum;
}

/** What a later refund takes back of a sale: the refunded amount, or all of it; never more than the sale. */
export function refundedAmount(first: ParsedLine, sale: number): number | null {
  if (!first.refunded && !first.refundedMinor) return null;
  const amount = Math.min(first.refundedMinor || sale, sale);
  return amount > 0 ? amount : null;
}

function toOrder(lines: ParsedLine[], orderLevel: boolean): PreviewOrder {
  const first = lines[0]!;
  const amount = saleAmount(lines, orderLevel);
  const c = first.customer;
  return {
    orderId: first.orderId,
    customer: c ? (c.name ?? c.email ?? c.externalId ?? c.phone) : null,
    occurredAt: first.occurredAt,
    currency: first.currency,
    kind: lines.some((l) => l.markedRefund) || amount < 0 ? 'refund' : 'sale',
    amountMinor: amount,
    refundMinor: refundedAmount(first, amount),
    shippingMinor: first.shippingMinor,
    feeMinor: first.feeMinor,
    lines: lines.filter((l) => l.hasDetail).map((l) => ({ description: l.description ?? l.productCode, quantity: l.quantity, amountMinor: l.amountMinor })),
    rows: lines.map((l) => l.row),
  };
}
