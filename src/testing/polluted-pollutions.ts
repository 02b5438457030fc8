/**
 * The pollutions of the generated corpus (polluted-corpus.ts): how a clean table is written into a messy file, and
 * the table a person expects back from it. Each is one thing found in files in the wild: a dialect, a layout (a
 * preamble, a footer, a second table), an encoding, or a damaged row.
 */
import type { TextTable } from './polluted-corpus';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'latin-1' | 'windows-1252';

export interface Pollution {
  name: string;
  /** The file's text and the table expected from it; undefined when the pollution does not apply to this table. */
  make(clean: TextTable, rnd: () => number): { text: string; expected: TextTable; encoding?: TextEncoding } | undefined;
}

interface Dialect {
  delimiter: string;
  quote: string;
  escape: string;
  /** Line ending, or a function choosing one per line. */
  eol: string | (() => string);
  quoteAll?: boolean;
  trailingDelimiter?: boolean;
  finalNewline?: boolean;
}

const RFC: Dialect = { delimiter: ',', quote: '"', escape: '"', eol: '\n', finalNewline: true };

/** One cell as the dialect writes it; undefined when it cannot (a cell that needs quotes, and no quoting). */
function writeCell(v: string, d: Dialect): string | undefined {
  const needs = v.includes(d.delimiter) || (d.quote !== '' && v.includes(d.quote)) || /[\r\n]/.test(v) || (d.delimiter.trim() !== d.delimiter && v.trim() !== v);
  if (!needs && !d.quoteAll) return v;
  if (d.quote === '') return undefined;
  let body = v;
  if (d.escape !== d.quote && d.escape !== '') body = body.split(d.escape).join(d.escape + d.escape);
  body = body.split(d.quote).join((d.escape || d.quote) + d.quote);
  return `${d.quote}${body}${d.quote}`;
}

function writeLines(rows: readonly string[][], d: Dialect): string[] | undefined {
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.map((v) => writeCell(v, d));
    if (cells.some((c) => c === undefined)) return undefined;
    out.push(cells.join(d.delimiter) + (d.trailingDelimiter ? d.delimiter : ''));
  }
  return out;
}

function joinLines(lines: readonly string[], d: Dialect): string {
  const eol = typeof d.eol === 'string' ? () => d.eol as string : d.eol;
  return lines.map((l, i) => l + (i < lines.length - 1 || d.finalNewline !== false ? eol() : '')).join('');
}

/** The table written in a dialect, with lines before and after it. */
function written(t: TextTable, d: Dialect, before: string[] = [], after: string[] = []): string | undefined {
  const lines = writeLines([t.header, ...t.rows], d);
  return lines && joinLines([...before, ...lines, ...after], d);
}

const dialect = (name: string, d: Partial<Dialect>): Pollution => ({
  name,
  make: (clean) => {
    const text = written(clean, { ...RFC, ...d });
    return text === undefined ? undefined : { text, expected: clean };
  },
});

const encoded = (name: string, encoding: TextEncoding, change?: (t: TextTable) => TextTable): Pollution => ({
  name,
  make: (clean) => {
    const t = change ? change(clean) : clean;
    const text = written(t, RFC);
    if (text === undefined || (encoding === 'latin-1' && [...text].some((ch) => ch.charCodeAt(0) > 0xff))) return undefined;
    return { text, expected: t, encoding };
  },
});

const TEXT_COLUMN: Record<string, number> = { name: 1, title: 1 };
const textColumnOf = (t: TextTable): number | undefined => t.header.map((h) => TEXT_COLUMN[h]).find((x) => x !== undefined);

export const pollutions: Pollution[] = [
  dialect('rfc', {}),
  dialect('semicolon', { delimiter: ';' }),
  dialect('pipe', { delimiter: '|' }),
  dialect('tab', { delimiter: '\t' }),
  dialect('space', { delimiter: ' ' }),
  dialect('comma-space', { delimiter: ', ' }),
  dialect('single-quote', { quote: "'", escape: "'" }),
  dialect('quote-all', { quoteAll: true }),
  dialect('backslash-escape', { escape: '\\' }),
  dialect('crlf', { eol: '\r\n' }),
  dialect('cr', { eol: '\r' }),
  { name: 'mixed-eol', make: (clean, rnd) => ({ text: written(clean, { ...RFC, eol: () => (rnd() < 0.5 ? '\r\n' : '\n') })!, expected: clean }) },
  dialect('no-final-newline', { finalNewline: false }),
  dialect('trailing-delimiter', { trailingDelimiter: true }),
  { name: 'preamble', make: (clean) => ({ text: written(clean, RFC, ['Quarterly export', 'Generated 2024-05-01 by the shop system', ''])!, expected: clean }) },
  { name: 'footer', make: (clean) => ({ text: written(clean, RFC, [], ['', `Total: ${clean.rows.length} rows`])!, expected: clean }) },
  {
    name: 'two-tables',
    make: (clean) => ({ text: written(clean, RFC, [], ['', 'key,value', 'source,shop', 'version,3', 'rows,12'])!, expected: clean }),
  },
  {
    name: 'blank-lines',
    make: (clean) => {
      const lines = writeLines([clean.header, ...clean.rows], RFC)!;
      return { text: joinLines(lines.flatMap((l, i) => (i > 0 && i % 4 === 0 ? ['', l] : [l])), RFC), expected: clean };
    },
  },
  {
    name: 'ragged',
    make: (clean, rnd) => {
      const short = new Set([1 + Math.floor(rnd() * (clean.rows.length - 2)), clean.rows.length - 1]);
      const rows = clean.rows.map((r, i) => (short.has(i) ? r.slice(0, r.length - 1) : r));
      const expected = { header: clean.header, rows: clean.rows.map((r, i) => (short.has(i) ? [...r.slice(0, r.length - 1), ''] : r)) };
      return { text: written({ header: clean.header, rows }, RFC)!, expected };
    },
  },
  {
    name: 'stray-quote',
    make: (clean) => {
      const j = textColumnOf(clean);
      if (j === undefined) return undefined;
      const rows = clean.rows.map((r, i) => (i === 0 ? r.map((v, k) => (k === j ? `${v.replaceAll('"', '').replaceAll(',', '')} 5'11" tall` : v)) : r));
      const lines = writeLines([clean.header, ...rows], RFC)!;
      // The first data row's cell is written as it is, its quote marks bare (as a careless writer does).
      lines[1] = rows[0]!.map((v, k) => (k === j ? v : writeCell(v, RFC))).join(',');
      return { text: joinLines(lines, RFC), expected: { header: clean.header, rows } };
    },
  },
  {
    name: 'multiline-cell',
    make: (clean) => {
      const j = textColumnOf(clean);
      if (j === undefined) return undefined;
      const rows = clean.rows.map((r, i) => (i === 2 ? r.map((v, k) => (k === j ? `${v}\nsecond line` : v)) : r));
      return { text: written({ header: clean.header, rows }, RFC)!, expected: { header: clean.header, rows } };
    },
  },
  {
    // One row with a field too many: a person expects the row (the extra field is a mistake), the import leaves it out.
    name: 'extra-field',
    make: (clean) => {
      const lines = writeLines([clean.header, ...clean.rows], RFC)!;
      lines[3] = `${lines[3]},oops`;
      return { text: joinLines(lines, RFC), expected: clean };
    },
  },
  {
    name: 'semicolon-preamble-crlf',
    make: (clean) => {
      const d = { ...RFC, delimiter: ';', eol: '\r\n' };
      const text = written(clean, d, ['Export;2024-05-01', '']);
      return text === undefined ? undefined : { text, expected: clean };
    },
  },
  { name: 'header-only', make: (clean) => ({ text: written({ header: clean.header, rows: [] }, RFC)!, expected: { header: clean.header, rows: [] } }) },
  encoded('utf-8-bom', 'utf-8-bom'),
  encoded('utf-16le', 'utf-16le'),
  encoded('latin-1', 'latin-1'),
  encoded('windows-1252', 'windows-1252', (t) => {
    const j = textColumnOf(t) ?? 1;
    return { header: t.header, rows: t.rows.map((r, i) => (i === 1 ? r.map((v, k) => (k === j ? '€uro – “Nova”' : v)) : r)) };
  }),
];

const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** The text in an encoding, as the bytes of a file. */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  if (encoding === 'utf-16le') {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + i * 2] = c & 0xff;
      out[3 + i * 2] = c >> 8;
    }
    return out;
  }
  return Uint8Array.from([...text].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)));
}
