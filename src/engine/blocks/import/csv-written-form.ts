/**
 * Cells kept as the file wrote them. DuckDB's sniffer reads `28/01/2018` as a DATE and `14:05` as a TIME, and an
 * export then writes `2018-01-28` and `14:05:00`: the round trip changes the cell. So a column whose sampled values
 * are not in the form its type writes back (ISO dates, `HH:MM:SS` times, `true`/`false`) is read as text, with a
 * sentence saying why and what to set to read it as that type; and a text column that looks numeric (leading zeros,
 * a currency sign) gets a sentence saying why it stayed text. Pure: it reads the lines the plan sampled.
 */
import type { Column } from '../contract';
import type { CsvReadReport } from './csv-report';
import { splitFields } from './line-profile';
import { CURRENCY_FORMAT, formatOfValues, type FormatKind } from '../written-formats';

type Why = CsvReadReport['textColumns'][number];

/** The form each type writes its values in; a value in another form would change on export. */
const WRITTEN: { type: RegExp; form: RegExp; what: string }[] = [
  { type: /^DATE$/, form: /^\d{4}-\d{2}-\d{2}$/, what: 'dates' },
  { type: /^TIME$/, form: /^\d{2}:\d{2}:\d{2}(\.\d+)?$/, what: 'times' },
  { type: /^TIMESTAMP/, form: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?)?$/, what: 'timestamps' },
  { type: /^BOOLEAN$/, form: /^(true|false)$/, what: 'true/false values' },
];

const CANONICAL: Record<string, (v: string) => string> = {
  dates: (v) => (v.length > 0 ? 'YYYY-MM-DD' : v),
  times: () => 'HH:MM:SS',
  timestamps: () => 'YYYY-MM-DD HH:MM:SS',
  'true/false values': () => 'true or false',
};

/** `%d/%m/%Y` as a person reads it: `DD/MM/YYYY`. */
export function readableFormat(format: string): string {
  return format.replace(/%d/g, 'DD').replace(/%m/g, 'MM').replace(/%Y/g, 'YYYY').replace(/%y/g, 'YY').replace(/%H/g, 'HH').replace(/%M/g, 'MM').replace(/%S/g, 'SS');
}

/** A time written as `14:05` or `2:05 PM`: its format, as a person reads it. */
function timeFormatOf(v: string): string | undefined {
  if (/^\d{1,2}:\d{2}$/.test(v)) return 'HH:MM';
  if (/^\d{1,2}:\d{2}(:\d{2})?\s*[AaPp][Mm]$/.test(v)) return 'HH:MM AM/PM';
  return undefined;
}

const LEADING_ZERO = /^0\d+$/;
const CURRENCY = /^[-+]?[$€£¥]\s?[-+]?[\d,]*\.?\d+$|^[-+]?[\d,]*\.?\d+\s?[$€£¥]$/;

/** The sampled cells of each column: data lines from `from` to `to` (0-based, exclusive), split by the dialect. */
function columnValues(lines: readonly string[], from: number, to: number, delimiter: string, quote: string, width: number): { values: string[][]; firstLine: number } {
  const values: string[][] = Array.from({ length: width }, () => []);
  for (let i = from; i < Math.min(to, lines.length); i++) {
    if (lines[i]!.trim() === '') continue;
    const fields = splitFields(lines[i]!, delimiter, quote);
    if (fields.length !== width) continue;
    fields.forEach((f, j) => {
      if (f !== '') values[j]!.push(f);
    });
  }
  return { values, firstLine: from + 1 };
}

export interface WrittenFormInput {
  columns: Column[];
  lines: readonly string[];
  /** 0-based index of the first data line, and the end of the first table (exclusive). */
  from: number;
  to: number;
  delimiter: string;
  quote: string;
  /** The date format the user set: dates are then read as dates. */
  userDateFormat: string | undefined;
  /** The date format DuckDB detected, for the sentence. */
  detectedDateFormat: string | undefined;
}

/** The columns with those whose values a type would rewrite read as text, and why each column stayed text. */
export function keepWrittenForm(p: WrittenFormInput): { columns: Column[]; why: Why[] } {
  const { values, firstLine } = columnValues(p.lines, p.from, p.to, p.delimiter, p.quote, p.columns.length);
  const why: Why[] = [];
  const columns = p.columns.map((c, j) => {
    const cells = values[j] ?? [];
    if (c.type === 'VARCHAR') {
      const kept = keptAsText(c.name, cells, firstLine);
      if (kept) why.push(kept);
      return c;
    }
    if (c.type === 'DATE' && p.userDateFormat !== undefined) return c;
    // The sniffer makes ISO dates timestamps when another column holds dates in another form: they are dates.
    if (c.type.startsWith('TIMESTAMP') && cells.length > 0 && cells.every((v) => WRITTEN[0]!.form.test(v))) return { ...c, type: 'DATE' };
    const rule = WRITTEN.find((w) => w.type.test(c.type));
    if (!rule) return c;
    const odd = cells.find((v) => !rule.form.test(v));
    if (odd === undefined) return c;
    const format = formatOfValues(cells);
    const reason = format ? `${KIND_WORDS[format.kind]} written ${format.format}` : `${rule.what} not in ${CANONICAL[rule.what]!(odd)} form`;
    why.push({ column: c.name, line: firstLine, reason, detail: sentence(c.name, rule.what, odd, p.detectedDateFormat) });
    return { ...c, type: 'VARCHAR' };
  });
  return { columns, why };
}

const KIND_WORDS: Readonly<Record<FormatKind, string>> = { date: 'dates', time: 'times', datetime: 'dates with times', currency: 'amounts' };

const CONVERT = 'Convert it with a types block, which reads that format.';

/**
 * Why a text column (as DuckDB read it) is text, when its values look like something else: numbers with leading
 * zeros, currency amounts, or dates and times in a form DuckDB's sniffer did not take (it settles on one date
 * format per file, so a second column written `01/28/2018` beside `28/01/2018` is text).
 */
function keptAsText(column: string, cells: readonly string[], line: number): Why | undefined {
  const zero = cells.find((v) => LEADING_ZERO.test(v));
  if (zero !== undefined && cells.every((v) => /^[-+]?\d+(\.\d+)?$/.test(v))) {
    return { column, line, reason: 'leading zeros', detail: `Column "${column}" stays text: values such as "${zero}" have leading zeros, which a number would drop. Make it a number with a types block if the zeros do not matter.` };
  }
  const format = formatOfValues(cells);
  if (!format) return undefined;
  if (format.format === CURRENCY_FORMAT) {
    const example = cells.find((v) => CURRENCY.test(v)) ?? cells[0];
    return { column, line, reason: 'currency sign', detail: `Column "${column}" stays text: its values carry a currency sign ("${example}"). ${CONVERT.replace('that format', 'it as a number (format: currency)')}` };
  }
  const what = KIND_WORDS[format.kind];
  const order = format.ambiguous ? ' (or the other way round: every day and month is 12 or less)' : '';
  return {
    column,
    line,
    reason: `${what} written ${format.format}`,
    detail: `Column "${column}" stays text, as the file writes it: ${what} such as "${cells[0]}" are ${format.format}${order}. ${CONVERT}`,
  };
}

function sentence(column: string, what: string, example: string, dateFormat: string | undefined): string {
  const kept = `Column "${column}" stays text, as the file writes it`;
  if (what === 'dates' && dateFormat) {
    const dayFirst = dateFormat.indexOf('%d') >= 0 && dateFormat.indexOf('%d') < dateFormat.indexOf('%m');
    const order = /^%[dm].%[md]/.test(dateFormat) ? ` (${dayFirst ? 'day/month/year' : 'month/day/year'} as the values show; if they are ${dayFirst ? 'month/day/year' : 'day/month/year'}, choose the date order instead)` : '';
    return `${kept}: dates such as "${example}" are ${readableFormat(dateFormat)}${order}, which a date column would write as YYYY-MM-DD. To read them as dates, convert it with a types block (format ${readableFormat(dateFormat)}), or choose the date order on the import block (csv.dateFormat: "${dateFormat}").`;
  }
  const format = what === 'times' ? timeFormatOf(example) : undefined;
  return `${kept}: ${what} such as "${example}"${format ? ` are ${format}, which` : ' are not in the form'} a ${what.replace(/s$/, '').replace('true/false value', 'true/false')} column would write${format ? ` as ${CANONICAL[what]!(example)}` : ` (${CANONICAL[what]!(example)})`}. Convert it with a types block to use it as ${what}.`;
}
