/**
 * A streaming parser for delimited text (RFC 4180 and what spreadsheets really write):
 * quoted fields with "" escapes and line breaks inside, CR, LF or CRLF line ends, and
 * relaxed quotes (a quote inside an unquoted field is a plain character). It counts lines
 * as it goes, so every record knows the line it starts on. Text goes in a chunk at a time.
 */
export interface ParsedRecord {
  line: number;
  cells: string[];
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

export function createDelimitedParser(delimiter: string, options: { literalQuotes?: boolean; firstLine?: number } = {}) {
  const delim = delimiter.charCodeAt(0);
  const quotesAreLiteral = options.literalQuotes ?? false;
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false; // the current field began with a quote
  let afterQuote = false; // just saw a quote inside a quoted field: an escape or the end
  let line = options.firstLine ?? 1;
  let recordLine = line;
  let quoteLine = line;
  let cellsBeforeQuote: string[] = [];
  /** Set when a quote was never closed and the rest was read again with quotes as plain characters. */
  let recoveredFromLine: number | null = null;
  let pendingCR = false;

  const endField = () => {
    cells.push(field);
    field = '';
    quotedField = false;
    afterQuote = false;
  };

  /** Records completed by this chunk. */
  function write(text: string): ParsedRecord[] {
    const out: ParsedRecord[] = [];
    const endRecord = () => {
      endField();
      if (!(cells.length === 1 && cells[0] === '')) out.push({ line: recordLine, cells });
      cells = [];
    };
    let start = 0; // start of the run of plain characters not yet appended to field
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (afterQuote) {
          afterQuote = false;
          if (c === QUOTE) {
            // An escaped quote: keep one (this one starts the next run of characters).
            start = i;
            continue;
          }
          inQuotes = false; // the closing quote; fall through to handle c unquoted
        } else {
          if (c === QUOTE) {
            field += text.slice(start, i);
            start = i + 1;
            afterQuote = true;
          } else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
            line++;
          }
          continue;
        }
      }
      if (c === delim) {
        field += text.slice(start, i);
        endField();
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += text.slice(start, i);
        endRecord();
        line++;
        recordLine = line;
        start = i + 1;
        if (c === CR) pendingCR = true;
      } else if (c === QUOTE && !quotesAreLiteral && field === '' && start === i && !quotedField) {
        // A field that starts with a quote is quoted.
        inQuotes = true;
        quotedField = true;
        quoteLine = line;
        cellsBeforeQuote = [...cells];
        start = i + 1;
      }
    }
    if (start < n) field += text.slice(start);
    return out;
  }

  /**
   * The last record (a file need not end with a line break). A quote never closed swallowed
   * the rest of the file: it is read again with that quote as a plain character, so that no
   * row is lost (`recoveredFromLine` says where).
   */
  function end(): ParsedRecord[] {
    if (inQuotes && !afterQuote) {
      recoveredFromLine = quoteLine;
      const again = createDelimitedParser(delimiter, { literalQuotes: true, firstLine: quoteLine });
      const records = [...again.write(`"${field}`), ...again.end()];
      if (records[0]) records[0] = { line: records[0].line, cells: [...cellsBeforeQuote, ...records[0].cells] };
      inQuotes = false;
      field = '';
      cells = [];
      return records;
    }
    inQuotes = false;
    const out: ParsedRecord[] = [];
    if (field !== '' || cells.length > 0) {
      endField();
      if (!(cells.length === 1 && cells[0] === '')) out.push({ line: recordLine, cells });
      cells = [];
    }
    return out;
  }

  return { write, end, recoveredFromLine: () => recoveredFromLine };
}

/** The whole text at once (samples, tests). */
export function parseDelimited(text: string, delimiter: string): ParsedRecord[] {
  const parser = createDelimitedParser(delimiter);
  return [...parser.write(text), ...parser.end()];
}
