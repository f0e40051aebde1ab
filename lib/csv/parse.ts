// A small RFC 4180 tokenizer: comma separated, `"` quoting with `""` escapes, quoted fields may hold
// commas and line breaks, CRLF / LF / CR line endings, an optional UTF-8 BOM (Excel). No dependency.
// Pure and total: malformed input is reported in `errors`, never thrown.

export interface CsvSyntaxError {
  /** 1-based physical line in the file where the problem is. */
  line: number;
  /** 0-based index of the field within its record. */
  field: number;
  message: string;
}

export interface CsvParseResult {
  /** Every record, fields as written (unquoted, not trimmed). A blank line is a record with one empty field. */
  rows: string[][];
  /** For each record, the 1-based line it starts on (a quoted line break makes a record span several lines). */
  lines: number[];
  errors: CsvSyntaxError[];
}

const BOM = '\uFEFF';
const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

function isBlank(code: number): boolean {
  return code === 32 || code === 9; // space, tab
}

/**
 * Splits CSV text into records and fields. An unterminated quoted field is reported (on the line the quote
 * opened) and its record dropped; text after a closing quote (`"ab"c`) is reported and kept. Spaces around a
 * quoted field (`a, "b,c" `) are tolerated; a quote inside an unquoted field (`12"`) is taken literally.
 */
export function parseCsvRows(text: string): CsvParseResult {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: CsvSyntaxError[] = [];
  const n = src.length;

  let line = 1;
  let i = 0;
  while (i < n) {
    // One record.
    const record: string[] = [];
    const recordLine = line;
    let done = false;
    while (!done) {
      // One field, starting at i.
      let j = i;
      while (j < n && isBlank(src.charCodeAt(j))) j++;
      if (j < n && src.charCodeAt(j) === QUOTE) {
        const openLine = line;
        let value = '';
        let k = j + 1;
        let closed = false;
        let chunk = k;
        while (k < n) {
          const c = src.charCodeAt(k);
          if (c === QUOTE) {
            if (k + 1 < n && src.charCodeAt(k + 1) === QUOTE) {
              value += src.slice(chunk, k + 1);
              k += 2;
              chunk = k;
              continue;
            }
            value += src.slice(chunk, k);
            closed = true;
            k++;
            break;
          }
          if (c === LF || (c === CR && !(k + 1 < n && src.charCodeAt(k + 1) === LF))) line++;
          k++;
        }
        if (!closed) {
          errors.push({ line: openLine, field: record.length, message: 'unterminated quoted field' });
          return { rows, lines, errors };
        }
        // After the closing quote: blanks, then a separator, a line break or the end.
        let tail = k;
        while (tail < n && isBlank(src.charCodeAt(tail))) tail++;
        let stop = tail;
        while (stop < n) {
          const c = src.charCodeAt(stop);
          if (c === COMMA || c === CR || c === LF) break;
          stop++;
        }
        if (stop > tail) {
          errors.push({ line, field: record.length, message: 'unexpected text after a closing quote' });
          value += src.slice(tail, stop);
        }
        record.push(value);
        i = stop;
      } else {
        let stop = i;
        while (stop < n) {
          const c = src.charCodeAt(stop);
          if (c === COMMA || c === CR || c === LF) break;
          stop++;
        }
        record.push(src.slice(i, stop));
        i = stop;
      }
      // At a separator, a line break or the end.
      if (i >= n) {
        done = true;
      } else if (src.charCodeAt(i) === COMMA) {
        i++;
        if (i >= n) {
          record.push(''); // "a,b," ends with an empty field
          done = true;
        }
      } else {
        i += src.charCodeAt(i) === CR && i + 1 < n && src.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        done = true;
      }
    }
    rows.push(record);
    lines.push(recordLine);
  }
  return { rows, lines, errors };
}

/** Whether a record has nothing in it but blanks (an empty line, or `,,,` left behind by a spreadsheet). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((field) => field.trim() === '');
}
