import { WrangleError } from '../../errors/catalog';
import { quoteLiteral } from '../../sql/quote';
import type { SqlRow } from '../../sql/sql-runner';

/** Which input an error is about, for messages that name it. */
export interface CsvSubject {
  name: string;
  file: string;
  /** The encoding the file was read in, for "not valid … text". */
  encoding?: string;
}

/** DuckDB's default maximum line size (2,000,000 bytes), which applies when the import block sets none. */
export const DEFAULT_MAX_LINE_SIZE = 2_000_000;

const lineOf = (message: string): string => /CSV Error on Line: (\d+)/.exec(message)?.[1] ?? '?';

/**
 * DuckDB's message with the engine's path of the file (a registered path, the `.utf-8.csv` copy a host converted)
 * replaced by the file's name as the user chose it.
 */
export function scrubPath(message: string, enginePath: string, file: string): string {
  const named = enginePath === '' ? message : message.split(enginePath).join(file);
  return named.replace(/"(?:[A-Za-z]:)?[\\/][^"\n]*[\\/][^"\n]*"/g, `"${file}"`);
}

/** A line over the maximum line size, found by a check (whose rejects table knows the line, not the message). */
export function lineTooLong(subject: CsvSubject, line: number, message: string, maxLineSize: number | undefined): WrangleError {
  return explainCsvError(`CSV Error on Line: ${line}\n${message}`, subject, maxLineSize) ?? new WrangleError('E_CSV_LINE_TOO_LONG', { ...subject, line, limit: maxLineSize ?? DEFAULT_MAX_LINE_SIZE, size: '' });
}

/** A row problem as the user would say it, from DuckDB's wording. */
export function rowProblem(message: string): string | undefined {
  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count) return `it has ${count[2]} fields where the header has ${count[1]}`;
  if (/unterminated quote/i.test(message)) return 'a quote opens a field and is never closed, or a quote inside a field is not doubled';
  const cast = castFailure(message);
  if (cast) return `"${cast.value}" in column "${cast.column}" is not a ${cast.type} (list the column under "Text columns" to read it as text)`;
  return undefined;
}

/** The value, column and type of DuckDB's "Could not convert string … to …" while reading a CSV file. */
export function castFailure(message: string): { column: string; value: string; type: string } | undefined {
  const m = /Error when converting column "([^"]*)"\. Could not convert string "([^"]*)" to '([^']+)'/.exec(message);
  return m ? { column: m[1]!, value: m[2]!, type: m[3]! } : undefined;
}

/**
 * Turns DuckDB's error about reading a CSV file into a coded one that says what to change on the import block: a
 * line over the maximum size, text in another encoding, or a malformed row. Undefined for anything else.
 */
export function explainCsvError(message: string, subject: CsvSubject, maxLineSize: number | undefined, quote?: string): WrangleError | undefined {
  const { name, file } = subject;
  const tooLong = /Maximum line size of (\d+) bytes exceeded\.(?: Actual Size:\s*(\d+) bytes)?/.exec(message);
  if (tooLong) {
    return new WrangleError('E_CSV_LINE_TOO_LONG', {
      name,
      file,
      line: lineOf(message),
      limit: Number(tooLong[1] ?? maxLineSize ?? DEFAULT_MAX_LINE_SIZE).toLocaleString('en-US'),
      size: tooLong[2] ? Number(tooLong[2]).toLocaleString('en-US') : '',
    });
  }
  if (/Invalid unicode|not utf-8 encoded|not latin-1 encoded|not utf-16 encoded/i.test(message)) {
    const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
    return new WrangleError('E_CSV_ENCODING', { name, file, encoding: subject.encoding ?? 'utf-8', ...(line ? { line } : {}) });
  }
  if (/unterminated quote/i.test(message)) {
    return new WrangleError('E_CSV_UNTERMINATED_QUOTE', { name, file, line: lineOf(message), quote: quote === undefined || quote === '' ? '"' : quote });
  }
  if (/NUL character/i.test(message)) return new WrangleError('E_CSV_NUL_BYTE', { name, file, line: lineOf(message) });
  const problem = /CSV Error on Line/.test(message) ? rowProblem(message) : undefined;
  if (problem) return new WrangleError('E_CSV_BAD_ROWS', { name, file, line: lineOf(message), reason: problem });
  return undefined;
}

/** Files up to this size are looked through for the line of an undecodable byte that DuckDB did not locate. */
const LOCATE_BYTES = 16 << 20;

/**
 * The line of the first byte that is not text in the encoding, for an error DuckDB raised without one ("File is not
 * latin-1 encoded"). Reads the file's bytes, so only on that error and only for a file up to LOCATE_BYTES.
 */
export async function undecodableLine(query: (sql: string) => Promise<SqlRow[]>, path: string, encoding: string): Promise<number | undefined> {
  const rows = await query(`SELECT size, CASE WHEN size <= ${LOCATE_BYTES} THEN hex(content) END AS h FROM read_blob(${quoteLiteral(path)})`).catch(() => []);
  const hex = rows[0]?.h;
  if (typeof hex !== 'string') return undefined;
  const bytes = Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (encoding === 'latin-1' ? b >= 0x80 && b <= 0x9f : b >= 0x80 && !validUtf8At(bytes, i)) return line;
    if (encoding !== 'latin-1' && b >= 0xc2) i += b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
  }
  return undefined;
}

function validUtf8At(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i]!;
  const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (extra < 0) return false;
  for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}
