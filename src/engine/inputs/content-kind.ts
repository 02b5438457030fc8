/**
 * Files under a `.csv` name that are not tables: an image, an archive, a PDF, binary data, or text in another format
 * (JSON, HTML, XML). DuckDB reads any of them as some CSV (a JSON object becomes a two-column header, a PNG "not valid
 * windows-1252 text"), so the import refuses them first, with `E_NOT_A_TABLE`, saying what the bytes look like and,
 * where Wrangle reads that format, which format to set. Pure: the hosts pass the first bytes, the plan the first lines.
 */
import { WrangleError } from '../errors/catalog';

/** What a file looks like, and what to do instead of importing it as CSV. */
export interface NotATable {
  looksLike: string;
  advice: string;
}

const CHOOSE_CSV = 'Choose the CSV file itself, or export the table as CSV from the program that made this file.';

/** Magic numbers at the start of common non-text files. */
const SIGNATURES: { bytes: readonly number[]; looksLike: string; advice: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image', advice: `An image holds no rows. ${CHOOSE_CSV}` },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image', advice: `An image holds no rows. ${CHOOSE_CSV}` },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image', advice: `An image holds no rows. ${CHOOSE_CSV}` },
  { bytes: [0x25, 0x50, 0x44, 0x46], looksLike: 'a PDF document', advice: CHOOSE_CSV },
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: 'a ZIP archive (an .xlsx workbook is one)', advice: 'Unzip it, or save the sheet as CSV, and import that file.' },
  { bytes: [0x1f, 0x8b], looksLike: 'gzip-compressed data', advice: 'Decompress it first and import the CSV file inside.' },
  { bytes: [0x50, 0x41, 0x52, 0x31], looksLike: 'a Parquet file', advice: 'Set the format to parquet on the import block (format: "parquet").' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** True for bytes no text file holds: C0 controls other than tab, line feed, form feed and carriage return. */
const isControl = (b: number): boolean => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;

/**
 * What the first bytes of a file say it is, when that is not text: a known signature, or (for a file that is not
 * UTF-16) more than one byte in 10 a control character. `wide`: the bytes were found to be UTF-16, whose zero bytes
 * are text.
 */
export function binaryContent(head: Uint8Array, wide: boolean): NotATable | undefined {
  const signature = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (signature) return { looksLike: signature.looksLike, advice: signature.advice };
  if (wide || head.length === 0) return undefined;
  const n = Math.min(head.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControl(head[i]!)) controls++;
  return controls * 10 > n ? { looksLike: 'binary data, not text', advice: CHOOSE_CSV } : undefined;
}

const JSON_START = /^\s*(\{\s*("|\}|$)|\[\s*(\{|\[|"|-?\d|true|false|null|\]|$))/;
const JSON_LINE = /^\s*\{.*\}\s*,?\s*$/;
const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<div[\s>]|<!--)/i;
const XML_START = /^\s*(<\?xml[\s?]|<[A-Za-z_][\w:.-]*(\s[^>]*)?>)/;

/** What the first lines of a file say it is, when that is a text format other than a table. */
export function textContent(lines: readonly string[]): NotATable | undefined {
  const text = lines.filter((l) => l.trim() !== '');
  const first = (text[0] ?? '').replace(/^\uFEFF/, '');
  if (JSON_START.test(first)) {
    const jsonLines = text.length > 0 && text.slice(0, 50).every((l) => JSON_LINE.test(l) && !l.trim().endsWith(','));
    return jsonLines
      ? { looksLike: 'JSON Lines (one JSON object per line)', advice: 'Set the format to jsonl on the import block (format: "jsonl").' }
      : { looksLike: 'JSON', advice: 'Set the format to json on the import block (format: "json"), or jsonl for one object per line.' };
  }
  if (HTML_START.test(first)) return { looksLike: 'an HTML page', advice: 'Save the table on the page as CSV, and import that file.' };
  if (XML_START.test(first) && text.slice(0, 50).every((l) => /^\s*</.test(l) || /[<>]/.test(l))) {
    return { looksLike: 'XML', advice: 'Convert it to CSV or JSON first, and import that file.' };
  }
  return undefined;
}

/** `E_NOT_A_TABLE` for an input. */
export function notATableError(name: string, file: string, found: NotATable): WrangleError {
  return new WrangleError('E_NOT_A_TABLE', { name, file, looksLike: found.looksLike, advice: found.advice });
}

const JSON_TABLE = 'A table in JSON is a list of objects, one per row: [{"movieId": 1, "title": "Toy Story"}, …]. Choose jsonl for one object per line.';

/**
 * What a file read with the `json` format is, when it is not a list of rows: its first character decides, as DuckDB's
 * `format = 'array'` reader decides (the studio's duckdb-wasm reader would take a lone object as a one-row table, so
 * both hosts check this first and say the same).
 */
export function jsonNotATable(firstChar: string | undefined): NotATable | undefined {
  if (firstChar === '[') return undefined;
  if (firstChar === undefined) return { looksLike: 'nothing (the file is empty)', advice: JSON_TABLE };
  if (firstChar === '{') return { looksLike: 'a single JSON object, not a list of rows', advice: JSON_TABLE };
  if (/["\d-]|t|f|n/.test(firstChar)) return { looksLike: 'a single JSON value, not a list of rows', advice: JSON_TABLE };
  return { looksLike: 'text that is not JSON', advice: `${JSON_TABLE} For a CSV file, choose the csv format.` };
}

/** A JSON list whose items are not objects (`[1, 2, 3]`), which has no columns to read. */
export const JSON_LIST_OF_VALUES: NotATable = { looksLike: 'a JSON list of plain values, not of objects', advice: JSON_TABLE };
