import type { ImportDeps, CustomerImportSettings, TransactionImportSettings } from './imports.usecases.ts';
import { badRequest, notFound } from '../../shared/errors.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { CUSTOMER_FIELDS, type CustomerReadSettings } from './customers-import.ts';
import { isCustomerField } from '../../contracts/imports.ts';
import { detectDateFormat, parseDateParts, type DetectedDateFormat } from './date-values.ts';
import { isDatedBirthday } from './contact-cells.ts';
import { proposeCustomerFields, type CustomerMappingQuestion } from './customer-fields.ts';
import type { ContactsSource } from './presets/contacts.presets.ts';
import { proposeTransactionMapping, type ColumnMapping, type MappingQuestion, type ProposedMapping, type TransactionField } from './import-fields.ts';
import { detectSource, type DetectedSource } from './presets/source-presets.ts';
import type { StatusRules } from './status-rules.ts';
import { detectDecimalSeparator } from './number-values.ts';
import { sampleTable, streamTable, TableReadError, type DelimitedFormat, type TableSample } from './table-reader.ts';
import { createRowReader, type TransactionReadSettings } from './transaction-rows.ts';
import type { TransactionImportOptions } from './transactions-import.ts';

/**
 * Before an import: the start of a file read and a proposal made of how to import it (format,
 * mapping, date and number formats), with the overrides of the wizard or the command line.
 */
/** A customers file: format, headers, and the columns proposed for fields and attributes. */
export async function inspectCustomersFile(
  deps: ImportDeps,
  workspaceId: string,
  filePath: string,
  overrides: {
    format?: Partial<DelimitedFormat>;
    mapping?: Partial<Record<string, string>>;
    adjustMapping?: MappingAdjustment<Partial<Record<string, string>>>;
    read?: Partial<CustomerReadSettings>;
    /** Acquisition dates that read both dd/mm and mm/dd: refused (the CLI, which says --date-format), or a question (the wizard). */
    ambiguousDates?: 'refuse' | 'ask';
  } = {},
): Promise<{ sample: TableSample; settings: CustomerImportSettings; source: ContactsSource | null; date: DetectedDateFormat | null; questions: CustomerMappingQuestion[] }> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) throw notFound('workspace');
  const sample = await readSample(filePath, overrides.format);
  const attributes = await listAttributes(deps, workspaceId);
  const { mapping: proposed, source, layout, questions: proposedQuestions } = proposeCustomerFields(sample.headers, sample.rows.map((r) => r.cells), sample.format.type, attributes);
  const mapping = overrides.mapping ?? overrides.adjustMapping?.(proposed, sample.headers) ?? proposed;
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !sample.headers.includes(header)) throw badRequest('import.unknown_column', `The mapping reads ${field} from a column "${header}" that the file does not have (its columns: ${sample.headers.join(', ')})`, { field, column: header });
    if (field.startsWith('attr.') && !attributes.some((a) => `attr.${a.key}` === field)) throw badRequest('import.unknown_attribute', `There is no attribute "${field.slice(5)}" (define it in Settings → Attributes)`, { field });
    if (!isCustomerField(field)) throw badRequest('import.unknown_field', `"${field}" is not a customer field (${CUSTOMER_FIELDS.join(', ')}, or attr.<key>)`, { field });
  }
  // Outlook's 0/0/00 (none) and Google's --04-12 (no year) say nothing of the format.
  const valuesOf = (h: string | undefined) => (h === undefined ? [] : sample.rows.map((r) => r.cells[sample.headers.indexOf(h)] ?? '')).filter(isDatedBirthday);
  const dayFirst = layout?.dateFormat ? layout.dateFormat !== 'mdy' : !monthFirstZone(workspace.time_zone);
  const dates = [mapping.birthday, mapping.customerSince, mapping.acquiredOn].flatMap(valuesOf);
  let date = dates.length ? detectDateFormat(dates, dayFirst) : null;
  const questions: CustomerMappingQuestion[] = proposedQuestions.filter((q) => mapping[q.field] === undefined);
  if (mapping.acquiredOn && !overrides.read?.dateFormat) {
    const acquired = await acquisitionDates(filePath, sample, mapping, dayFirst);
    if (acquired?.ambiguous) {
      if (overrides.ambiguousDates !== 'ask') throw badRequest('import.date_ambiguous', `Dates in "${mapping.acquiredOn}" fit both ${acquired.candidates.join(' and ')}; say which with --date-format`, { field: 'acquiredOn', column: mapping.acquiredOn });
      questions.push({ field: 'acquiredOn', column: mapping.acquiredOn, applied: true, message: `Every date in "${mapping.acquiredOn}" reads both day first and month first: read as ${acquired.format} unless you say otherwise` });
    }
    // ISO dates read whatever the format: the acquisition column's own format is the one to keep.
    if (acquired?.format && (date?.format === 'iso' || acquired.ambiguous || acquired.settledBy)) date = acquired;
  }
  const read: CustomerReadSettings = { headers: sample.headers, mapping, dateFormat: date?.format ?? 'iso', decimal: '.', currency: workspace.base_currency, ...overrides.read };
  return { sample, settings: { kind: 'customers', format: sample.format, read }, source, date, questions };
}

/**
 * The format of the acquisition dates: dd/mm against mm/dd is settled by the whole column (a
 * day above 12), or by the file's other date columns; still both, it is ambiguous.
 */
async function acquisitionDates(filePath: string, sample: TableSample, mapping: Partial<Record<string, string>>, dayFirst: boolean): Promise<DetectedDateFormat | null> {
  const values = sample.rows.map((r) => r.cells[sample.headers.indexOf(mapping.acquiredOn!)] ?? '');
  let detected = detectDateFormat(values, dayFirst);
  for (const header of [mapping.acquiredOn, mapping.customerSince, mapping.birthday]) {
    if (!detected.ambiguous) break;
    if (header !== undefined) detected = await settleDayMonth(filePath, sample.format, sample.headers.indexOf(header), detected);
  }
  return detected.format ? detected : null;
}

/** Changes to the proposed mapping, made before the formats are detected from the columns it names (`rapport import --map`). */
export type MappingAdjustment<M> = (proposed: M, headers: string[]) => M;

export interface FileInspection {
  sample: TableSample;
  /** The system the file was recognised as coming from (null: read generically). */
  source: { id: string; system: string; notes: string; returnsTitle: string | null } | null;
  proposed: ColumnMapping;
  reasons: Partial<Record<string, 'header' | 'values' | 'preset'>>;
  /** What Rapport is unsure of: shown as questions in the wizard and warnings in the CLI. */
  questions: MappingQuestion[];
  date: DetectedDateFormat | null;
  settings: TransactionImportSettings;
}

export interface TransactionInspectionOverrides {
  format?: Partial<DelimitedFormat>;
  mapping?: ColumnMapping;
  adjustMapping?: MappingAdjustment<ColumnMapping>;
  read?: Partial<TransactionReadSettings>;
  /** Status meanings added to the recognised export's (or the common words). */
  statuses?: StatusRules;
  options?: Partial<TransactionImportOptions>;
}

/** Reads the start of a file and proposes how to import it (format, mapping, date and number formats). */
export async function inspectTransactionsFile(
  deps: ImportDeps,
  workspaceId: string,
  filePath: string,
  overrides: TransactionInspectionOverrides = {},
): Promise<FileInspection> {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  if (!workspace) throw notFound('workspace');
  return inspectTransactionsSample(filePath, { currency: workspace.base_currency, timeZone: workspace.time_zone }, overrides);
}

/** The same inspection for a given currency and time zone, outside any workspace (`rapport model fit --file`). */
export async function inspectTransactionsSample(
  filePath: string,
  workspace: { currency: string; timeZone: string },
  overrides: TransactionInspectionOverrides = {},
): Promise<FileInspection> {
  const sample = await readSample(filePath, overrides.format);
  const cells = sample.rows.map((r) => r.cells);
  const detected = sample.format.hasHeader ? recognisedSource(sample.headers, (sample.above ?? []).map((a) => a.text), overrides.mapping !== undefined) : null;
  const proposal: ProposedMapping = detected ? presetProposal(detected, sample.headers, cells) : proposeTransactionMapping(sample.headers, cells, sample.format.hasHeader);
  const mapping = overrides.mapping ?? overrides.adjustMapping?.(proposal.mapping, sample.headers) ?? proposal.mapping;
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !sample.headers.includes(header)) throw badRequest('import.unknown_column', `The mapping reads ${field} from a column "${header}" that the file does not have (its columns: ${sample.headers.join(', ')})`, { field, column: header });
  }
  const columnValues = (header: string | undefined) => (header === undefined ? [] : cells.map((r) => r[sample.headers.indexOf(header)] ?? ''));
  let date = mapping.date ? detectDateFormat(columnValues(mapping.date), !monthFirstZone(workspace.timeZone)) : null;
  if (date?.ambiguous && mapping.date) date = await settleDayMonth(filePath, sample.format, sample.headers.indexOf(mapping.date), date);
  // A layout that always writes its dates one way (1C: dd.mm.yyyy) settles what the values cannot.
  const layoutDates = detected?.read.dateFormat;
  if (date?.ambiguous && layoutDates && date.candidates.includes(layoutDates)) date = { ...date, format: layoutDates, ambiguous: false };
  const numeric = [mapping.amount, mapping.unitPrice, mapping.cost, mapping.quantity, mapping.orderTotal, mapping.shipping, mapping.fee, mapping.refundedAmount].flatMap(columnValues);
  const read: TransactionReadSettings = {
    headers: sample.headers,
    mapping,
    dateFormat: date?.format ?? 'iso',
    decimal: detectDecimalSeparator(numeric),
    currency: workspace.currency,
    timeZone: workspace.timeZone,
    refundPrefixes: ['C'],
    ...detected?.read,
    ...overrides.read,
  };
  if (overrides.statuses) read.statuses = { ...read.statuses, ...overrides.statuses };
  const options: TransactionImportOptions = { unmatchedCustomers: 'create', noCustomerKey: 'unknown', ...overrides.options };
  const source = detected ? { id: detected.preset.id, system: detected.preset.system, notes: detected.notes, returnsTitle: detected.returnsTitle } : null;
  // Questions about fields the user has since mapped themselves are answered.
  const questions = proposal.questions.filter((q) => mapping[q.field] === undefined || mapping[q.field] === q.column);
  return { sample, source, proposed: proposal.mapping, reasons: proposal.reasons, questions, date, settings: { kind: 'transactions', format: sample.format, read, options } };
}

/**
 * dd/mm against mm/dd, decided from the whole column: the first value with a day above 12
 * settles it. A column where no value does stays ambiguous, for the user to confirm.
 */
async function settleDayMonth(filePath: string, format: DelimitedFormat, column: number, detected: DetectedDateFormat): Promise<DetectedDateFormat> {
  const stream = streamTable(filePath, format, 5000);
  for await (const batch of stream.batches) {
    for (const row of batch) {
      const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-]/.exec(row.cells[column] ?? '');
      if (!m) continue;
      const [a, b] = [Number(m[1]), Number(m[2])];
      // Only a date that exists settles it (31.02 has a day above 12, but is no date at all).
      const value = row.cells[column]!;
      if (a > 12 && b <= 12 && parseDateParts(value, 'dmy')) return { ...detected, format: 'dmy', ambiguous: false, settledBy: { row: row.number, value } };
      if (b > 12 && a <= 12 && parseDateParts(value, 'mdy')) return { ...detected, format: 'mdy', ambiguous: false, settledBy: { row: row.number, value } };
    }
  }
  return detected;
}

/** Where dates are written month first (the United States): the proposal for a column that reads both ways. */
function monthFirstZone(timeZone: string): boolean {
  return /^(US\/|Pacific\/Honolulu$|America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Sitka|Yakutat|Nome|Adak|Metlakatla|Boise|Detroit|Menominee|Indiana\/|Kentucky\/|North_Dakota\/))/.test(timeZone);
}

async function readSample(filePath: string, format: Partial<DelimitedFormat> | undefined): Promise<TableSample> {
  try {
    return await sampleTable(filePath, format);
  } catch (error) {
    if (error instanceof TableReadError) throw badRequest('import.unreadable_file', error.message, { line: error.line });
    throw error;
  }
}

/** The first rows as the import will read them: values or the reasons they will be rejected. */
export function previewRows(inspection: FileInspection, count = 10) {
  const read = createRowReader(inspection.settings.read);
  return inspection.sample.rows.slice(0, count).map((row) => read(row));
}

/** The export layout the header is in; with a mapping of the caller's own, a layout that cannot be read is no reason to refuse. */
function recognisedSource(headers: string[], titles: string[], ownMapping: boolean): DetectedSource | null {
  if (!ownMapping) return detectSource(headers, titles);
  try {
    return detectSource(headers, titles);
  } catch {
    return null;
  }
}

/**
 * A recognised layout's mapping, and questions about the columns it leaves unread that look
 * like a field it does not fill (a Shopify "Phone", a column of emails): asked, never applied.
 */
const CONTACT_FIELDS = new Set<TransactionField>(['customerEmail', 'customerPhone']);

function presetProposal(detected: DetectedSource, headers: string[], cells: string[][]): ProposedMapping {
  const used = new Set(Object.values(detected.mapping));
  const generic = proposeTransactionMapping(headers, cells, true);
  const open = (field: TransactionField, column: string) => detected.mapping[field] === undefined && !used.has(column);
  // By their values only columns of contact details are worth asking about: a layout's other columns are known (a card's PAN Suffix is no quantity).
  const questions = generic.questions.filter((q) => open(q.field, q.column) && (generic.reasons[q.field] !== undefined || CONTACT_FIELDS.has(q.field) || q.message.includes('sounds like')));
  for (const [field, column] of Object.entries(generic.mapping) as [TransactionField, string][]) {
    if (open(field, column)) questions.push({ field, column, applied: false, message: `"${column}" sounds like ${field}, but the ${detected.preset.system} layout does not read it: not used unless you map it` });
  }
  const reasons = Object.fromEntries(Object.keys(detected.mapping).map((f) => [f, 'preset'])) as ProposedMapping['reasons'];
  return { mapping: detected.mapping, reasons, confidence: {}, questions };
}
