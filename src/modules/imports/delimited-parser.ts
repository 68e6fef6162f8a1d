/**
 * A streaming parser for delimited text (RFC 4180 and what spreadsheets really write):
 * quoted fields with "" escapes and line breaks inside, CR, LF or CRLF line ends, and
 * relaxed quotes (a quote inside an unquoted field is a plain character). It counts lines
 * as it goes, so every record knows the line it starts on. Text goes in a chunk at a time.
 */
export interface ParsedRecord {
  /** The line the record starts on, 1-based. */
  number: number;
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
  let quotedCR = false; // the last character read inside quotes was a CR

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
      if (!(cells.length === 1 && cells[0] === '')) out.push({ number: recordLine, cells });
      cells = [];
    };
    let start = 0; // start of the run of plain characters not yet appended to field
    const n = text.length;
    // Where the next quote and CR are (n: none in this chunk), found once and moved forward as passed.
    let nextQuote = -1;
    let nextCR = -1;
    for (let i = 0; i < n; i++) {
      if (!inQuotes && !pendingCR && start === i && field === '' && cells.length === 0) {
        // At the start of a record: a whole line with no quote and no CR before its LF is just
        // split on the delimiter (most lines of most files), without a look at each character.
        const lf = text.indexOf('\n', i);
        if (lf !== -1) {
          if (nextQuote < i) nextQuote = text.indexOf('"', i) >>> 0; // -1 becomes 2^32 - 1: past any line
          if (nextCR < i) nextCR = text.indexOf('\r', i) >>> 0;
          if (nextQuote > lf && nextCR >= lf - 1 && (nextCR !== lf - 1 || lf > i)) {
            const lineEnd = nextCR === lf - 1 ? lf - 1 : lf;
            if (lineEnd > i) {
              const lineCells = text.slice(i, lineEnd).split(delimiter);
              if (!(lineCells.length === 1 && lineCells[0] === '')) out.push({ number: line, cells: lineCells });
            }
            line++;
            recordLine = line;
            i = lf;
            start = lf + 1;
            continue;
          }
        }
      }
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
          } else if (c === CR || (c === LF && !quotedCR)) {
            line++; // a CRLF counts once, also when a chunk ends between its CR and LF
          }
          quotedCR = c === CR;
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
        quotedCR = false;
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
      if (records[0]) records[0] = { number: records[0].number, cells: [...cellsBeforeQuote, ...records[0].cells] };
      inQuotes = false;
      field = '';
      cells = [];
      return records;
    }
    inQuotes = false;
    const out: ParsedRecord[] = [];
    if (field !== '' || cells.length > 0) {
      endField();
      if (!(cells.length === 1 && cells[0] === '')) out.push({ number: recordLine, cells });
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
