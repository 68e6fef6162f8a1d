import { z } from 'zod';
import { currencySchema, idSchema, isoTimestampSchema } from './common.ts';

export const TRANSACTION_FIELDS = [
  'customerExternalId',
  'customerEmail',
  'customerPhone',
  'customerName',
  'customerCountry',
  'refundCustomerEmail',
  'orderId',
  'date',
  'amount',
  'quantity',
  'unitPrice',
  'productCode',
  'description',
  'currency',
  'cost',
  'channel',
  'campaign',
  'status',
  'eventType',
  'orderTotal',
  'shipping',
  'fee',
  'refundedAmount',
] as const;
export const transactionFieldSchema = z.enum(TRANSACTION_FIELDS);
export type TransactionField = z.infer<typeof transactionFieldSchema>;

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1252'] as const;
export const DELIMITERS = [',', ';', '\t', '|', 'whitespace'] as const;
export const DATE_FORMATS = ['iso', 'dmy', 'mdy', 'ymd', 'excel'] as const;

export const formatSchema = z.object({
  type: z.enum(['delimited', 'xlsx', 'vcard']).default('delimited').describe('Detected: a workbook (xlsx), vCard contacts (vcard) or delimited text'),
  encoding: z.enum(ENCODINGS),
  delimiter: z.enum(DELIMITERS),
  hasHeader: z.boolean(),
  sheet: z.string().max(200).nullable().optional().describe('For a workbook: the sheet to read (default the first)'),
  headerRow: z.number().int().positive().optional().describe("The header's line, when a report's title and notes are above it (detected)"),
});

/** Field → the header of the column it is read from. */
export const mappingSchema = z.partialRecord(transactionFieldSchema, z.string().min(1).max(500));

export const readSettingsSchema = z.object({
  dateFormat: z.enum(DATE_FORMATS),
  decimal: z.enum(['.', ',']),
  currency: currencySchema,
  refundPrefixes: z.array(z.string().max(10)).max(10),
  refundPrefixIgnoreCase: z.boolean().optional().describe('Whether a refund prefix matches in any case (default: exactly as written)'),
  statuses: z.record(z.string().max(200), z.enum(['sale', 'refunded', 'refund', 'skip'])).optional().describe("Status (or event type) values and what they mean: a sale, a sale refunded later, a refund, or not a purchase"),
  statusIgnoreCase: z.boolean().optional(),
  carryForward: z.boolean().optional().describe("Continuation rows of an order take the order's values from its first row where their cells are empty"),
});

export const importOptionsSchema = z.object({
  unmatchedCustomers: z.enum(['create', 'reject']).describe('Rows whose customer is not in Rapport: create the customer, or reject the row'),
  noCustomerKey: z.enum(['unknown', 'reject']).describe('Rows naming no customer: the "unknown customer" bucket, or reject'),
});

export const uploadSchema = z.object({ uploadId: idSchema, fileName: z.string(), size: z.number().int() });

export const inspectRequestSchema = z.object({
  uploadId: idSchema,
  format: formatSchema.partial().optional(),
  mapping: mappingSchema.optional(),
  read: readSettingsSchema.partial().optional(),
  options: importOptionsSchema.partial().optional(),
});

const problemSchema = z.object({ column: z.string().nullable(), value: z.string().nullable(), code: z.string(), message: z.string() });

export const previewRowSchema = z.object({
  row: z.number().int(),
  cells: z.array(z.string()),
  ok: z.boolean(),
  /** As Rapport will read it (when ok). */
  values: z
    .object({
      customer: z.string().nullable(),
      orderId: z.string().nullable(),
      occurredAt: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      kind: z.enum(['sale', 'refund']),
      quantity: z.string().nullable(),
      description: z.string().nullable(),
    })
    .nullable(),
  problems: z.array(problemSchema),
});

export const settingsSchema = z.object({
  format: formatSchema,
  mapping: mappingSchema,
  read: readSettingsSchema,
  options: importOptionsSchema,
});
export type ImportSettingsInput = z.infer<typeof settingsSchema>;

export const inspectionSchema = z.object({
  uploadId: idSchema,
  fileName: z.string(),
  headers: z.array(z.string()),
  sheets: z.array(z.string()).describe("A workbook's sheets (empty for text files)"),
  settings: settingsSchema,
  proposed: mappingSchema.describe('What Rapport proposed, before any change'),
  reasons: z.record(z.string(), z.enum(['header', 'values', 'preset'])),
  source: z.object({ id: z.string(), system: z.string(), notes: z.string(), returnsTitle: z.string().nullable().describe('A title above the header that says every row is a return') }).nullable().describe('The system the file was recognised as coming from'),
  questions: z.array(z.object({ field: transactionFieldSchema, column: z.string(), applied: z.boolean(), message: z.string() })).describe('What Rapport is unsure of: not applied unless `applied`'),
  orders: z.array(z.object({
    orderId: z.string().nullable(), customer: z.string().nullable(), occurredAt: z.string(), currency: z.string(), kind: z.enum(['sale', 'refund']),
    amountMinor: z.number().int(), refundMinor: z.number().int().nullable(), shippingMinor: z.number().int().nullable(), feeMinor: z.number().int().nullable(),
    lines: z.array(z.object({ description: z.string().nullable(), quantity: z.string().nullable(), amountMinor: z.number().int() })), rows: z.array(z.number().int()),
  })).describe('The first orders as they will be stored'),
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string() })).describe('Rows of the sample left out: above the header, not purchases, totals'),
  date: z.object({ candidates: z.array(z.enum(DATE_FORMATS)), ambiguous: z.boolean(), settledBy: z.object({ row: z.number().int(), value: z.string() }).nullable() }).nullable(),
  preview: z.array(previewRowSchema),
  savedMappings: z.array(z.object({ id: idSchema, name: z.string(), mapping: mappingSchema })),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const startImportSchema = z.object({
  uploadId: idSchema,
  settings: settingsSchema,
  dryRun: z.boolean().default(false),
  saveMappingAs: z.string().trim().min(1).max(100).optional().describe('Remember this mapping for the next file with these columns'),
});

export const undoOutcomeSchema = z.object({
  transactionsRemoved: z.number().int(),
  transactionsRestored: z.number().int(),
  customersRemoved: z.number().int(),
  customersKept: z.number().int().describe('Customers the import created that have purchases (or people) from elsewhere since: kept'),
});

/** A value the file has that Rapport could not place: kept on no customer, listed with how many rows carry it. */
const unplacedSchema = z.object({
  field: z.string().describe('source, channel, utm (utm_source/utm_medium together), utmCampaign or referredBy'),
  column: z.string().describe('The column (or columns) it was read from'),
  value: z.string().describe('As written in the file (the first spelling met)'),
  rows: z.number().int().describe('Rows that carry it'),
  exampleRows: z.array(z.number().int()).describe('The first few of those rows (file line numbers)'),
});
const candidateSchema = z.object({ id: z.string(), label: z.string().describe('"Channel → Source", or a customer’s name') });

export const acquisitionOutcomeSchema = z.object({
  sourcesSet: z.number().int().describe('Customers whose unknown source the file set'),
  sourcesByRule: z.number().int().describe('Of those, by a utm rule'),
  sourcesByCampaign: z.number().int().describe('Of those, by the source of the campaign their utm_campaign names'),
  sourcesKept: z.number().int().describe('Customers who had a source already, other than the file’s: kept (an import never overwrites a source)'),
  datesSet: z.number().int(),
  datesKept: z.number().int().describe('Customers who had an acquisition date already, other than the file’s: kept'),
  campaignsSet: z.number().int().describe('Customers whose unknown campaign the utm_campaign set'),
  campaignsKept: z.number().int(),
  unmatched: z.array(unplacedSchema).describe('Values that match no source, rule or campaign: the customers’ source stays unknown (nothing is created, nothing defaulted)'),
  ambiguous: z.array(unplacedSchema.extend({ candidates: z.array(candidateSchema) })).describe('Values that name several sources (a source name in two channels, a channel with several sources): left unknown, to choose'),
});
export const referralOutcomeSchema = z.object({
  set: z.number().int().describe('Customers whose referrer the file set'),
  kept: z.number().int().describe('Customers who had another referrer already: kept'),
  unmatched: z.array(unplacedSchema).describe('Values that match no customer by email, phone, id, referral code or name: left unknown'),
  ambiguous: z.array(unplacedSchema.extend({ candidates: z.array(candidateSchema) })).describe('Names that several customers have: left unknown, to choose'),
  refused: z.array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), code: z.string(), message: z.string() })).describe('Referrals refused: a customer referring themselves, or a loop (the message names the path)'),
});

export const countsSchema = z.object({
  rows: z.number().int(),
  rejected: z.number().int(),
  transactionsCreated: z.number().int(),
  transactionsUpdated: z.number().int(),
  transactionsUnchanged: z.number().int(),
  refundsCreated: z.number().int(),
  linesAdded: z.number().int(),
  customersCreated: z.number().int(),
  unknownCustomer: z.number().int(),
  customersUpdated: z.number().int(),
  customersUnchanged: z.number().int(),
  lastRow: z.number().int(),
  skipped: z.number().int().optional().describe('Rows left out on purpose: not purchases, totals rows, lines above the header'),
  skippedRows: z.array(z.object({ row: z.number().int(), reason: z.string() })).optional().describe('The first 200 of them, with why'),
  undo: undoOutcomeSchema.optional().describe('What undoing the import did'),
  codes: z.object({
    redeemed: z.number().int().describe('Purchases that redeemed a coupon code'),
    overLimit: z.number().int().describe('Of those, past the code’s use limit (recorded and flagged)'),
    expired: z.number().int(),
    notYetValid: z.number().int(),
    byCampaignName: z.number().int().describe('Purchases linked to a campaign by its name'),
    referred: z.number().int().describe('Customers referred by the referral code they bought with'),
    unknown: z.array(z.object({ code: z.string(), purchases: z.number().int() })).describe('Codes that match nothing: kept on the purchases as written'),
  }).optional().describe('What the codes on the purchases meant'),
});

export const importSchema = z.object({
  id: idSchema,
  kind: z.enum(['customers', 'transactions']),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  dryRun: z.boolean(),
  fileName: z.string(),
  fileSize: z.number().int(),
  headers: z.array(z.string()),
  counts: countsSchema,
  acquisition: acquisitionOutcomeSchema.nullable().optional().describe('Customers files: the sources, dates and campaigns the acquisition columns gave (null: none mapped)'),
  referrals: referralOutcomeSchema.nullable().optional().describe('Customers files: who referred whom by the "referred by" column, once all the rows are in (null: not mapped, or not yet)'),
  progress: z.number().min(0).max(1).describe('Share of the file read'),
  undoneAt: isoTimestampSchema.nullable().describe('When the import was undone (its record stays)'),
  error: z.string().nullable(),
  createdAt: isoTimestampSchema,
  startedAt: isoTimestampSchema.nullable(),
  finishedAt: isoTimestampSchema.nullable(),
});
export type ImportJob = z.infer<typeof importSchema>;
export const importListSchema = z.object({ items: z.array(importSchema) });
export const importIdParamsSchema = z.object({ importId: idSchema });

export const rejectionPageSchema = z.object({
  headers: z.array(z.string()),
  items: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()), problems: z.array(problemSchema) })),
  nextAfter: z.number().int().nullable(),
});
export const rejectionQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) });

export const resubmitSchema = z.object({
  rows: z.array(z.object({ row: z.number().int().positive(), cells: z.array(z.string().max(100_000)).max(1000) })).min(1).max(1000),
});
export const resubmitResultSchema = z.object({
  accepted: z.array(z.number().int()),
  rejected: z.array(z.object({ row: z.number().int(), problems: z.array(problemSchema) })),
  counts: countsSchema,
});

/**
 * Customers files: fields are CUSTOMER_FIELDS, `attr.<attribute key>`, or a further email or
 * phone column and its label column: `email.2`, `emailLabel.2`, `phone.3`, `phoneLabel.3`…
 */
export const CUSTOMER_FIELDS = [
  'externalId', 'kind', 'name', 'firstName', 'lastName', 'email', 'emailLabel', 'phone', 'phoneLabel', 'organisation', 'jobTitle', 'website', 'addressLine1', 'city', 'region', 'postalCode', 'country', 'birthday', 'customerSince', 'notes', 'tags',
  'source', 'channel', 'acquiredOn', 'utmSource', 'utmMedium', 'utmCampaign', 'referredBy',
] as const;
/** `email.2`, `phoneLabel.3`: the Nth email or phone column of a file that has several (contacts exports). */
export const NUMBERED_CONTACT_FIELD = /^(email|phone)(Label)?\.([2-9]|[1-9]\d)$/;
/** Whether a mapping key is a customer field (attributes are checked against the workspace's). */
export function isCustomerField(field: string): boolean {
  return (CUSTOMER_FIELDS as readonly string[]).includes(field) || NUMBERED_CONTACT_FIELD.test(field) || field.startsWith('attr.');
}
/** The system a contacts file was recognised as coming from. */
export const contactsSourceSchema = z.object({ id: z.enum(['google-contacts', 'outlook-contacts', 'vcard']), system: z.string().describe('As shown: "Google Contacts"'), notes: z.string() });
export const customerMappingSchema = z.partialRecord(z.string().max(100), z.string().min(1).max(500));
export const customerSettingsSchema = z.object({
  format: formatSchema,
  mapping: customerMappingSchema,
  read: z.object({ dateFormat: z.enum(DATE_FORMATS), decimal: z.enum(['.', ',']), currency: currencySchema }),
});
export const customerInspectRequestSchema = z.object({
  uploadId: idSchema,
  format: formatSchema.partial().optional(),
  mapping: customerMappingSchema.optional(),
  read: customerSettingsSchema.shape.read.partial().optional(),
});
export const customerInspectionSchema = z.object({
  uploadId: idSchema,
  fileName: z.string(),
  headers: z.array(z.string()),
  sheets: z.array(z.string()),
  settings: customerSettingsSchema,
  source: contactsSourceSchema.nullable().describe('The contacts export recognised from the header (null: read generically)'),
  fields: z.array(z.object({ key: z.string(), label: z.string(), attribute: z.boolean() })).describe('What a column can be read as'),
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()), ok: z.boolean(), problems: z.array(problemSchema) })),
  date: z.object({ candidates: z.array(z.enum(DATE_FORMATS)), ambiguous: z.boolean(), settledBy: z.object({ row: z.number().int(), value: z.string() }).nullable() }).nullable().optional()
    .describe('How the date columns (birthday, customer since, acquired on) are written; ambiguous: an acquisition date reads both dd/mm and mm/dd, confirm read.dateFormat'),
  questions: z.array(z.object({ field: z.string(), column: z.string(), applied: z.boolean(), message: z.string() })).optional().describe('What Rapport is unsure of: not applied unless `applied`'),
});
export const startCustomerImportSchema = z.object({ uploadId: idSchema, settings: customerSettingsSchema, dryRun: z.boolean().default(false) });

