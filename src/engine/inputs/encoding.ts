/**
 * Text encodings of CSV files: which one a file is in (from its first bytes, or as the import block says), and
 * whether DuckDB reads it itself or the host must convert it to UTF-8 first. DuckDB 1.4.3 reads UTF-8, UTF-16
 * little-endian and strict Latin-1 in both engines; UTF-16 big-endian comes out as garbage without an error, and a
 * Windows-1252 byte such as 0x80 (€) fails as "not latin-1", so those two are converted by the host.
 */

/** The encodings an import block may name; absent means "detect". */
export const CSV_ENCODINGS = ['utf-8', 'utf-16', 'latin-1', 'windows-1252'] as const;
export type CsvEncodingChoice = (typeof CSV_ENCODINGS)[number];

/** What the bytes are, exactly. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin-1' | 'windows-1252';

/** DuckDB's own `encoding` option values. */
export type DuckDbEncoding = 'utf-8' | 'utf-16' | 'latin-1';

/** How a host resolved the encoding of an input, and what the engine reads. */
export interface SourceEncoding {
  encoding: TextEncodingName;
  /** The file starts with a byte order mark. */
  bom: boolean;
  /** True when it was detected from the bytes; false when the import block chose it. */
  detected: boolean;
  /** The `encoding` option DuckDB reads the engine's copy of the file with. */
  readAs: DuckDbEncoding;
  /** The host converted the file to UTF-8, because DuckDB cannot read this encoding or its mixed line endings itself. */
  transcoded: boolean;
  /** The first bytes mix line endings (CRLF with LF or CR), which DuckDB 1.4.3 cannot read: the copy has LF only. */
  mixedLineEndings?: boolean;
}

/**
 * True when the first bytes end lines in more than one way (CRLF and a bare LF or CR). A UTF-16 file is judged on
 * its low bytes. Only the head is looked at, so a clean file costs no pass of its own.
 */
export function mixedLineEndings(head: Uint8Array, wide: boolean): boolean {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const step = wide ? 2 : 1;
  for (let i = 0; i < head.length; i += step) {
    const b = head[i];
    if (wide && head[i + 1] !== 0) continue;
    if (b === 0x0d) {
      if (head[i + step] === 0x0a) {
        crlf++;
        i += step;
      } else if (i + step < head.length) cr++;
    } else if (b === 0x0a) lf++;
  }
  return [crlf, lf, cr].filter((n) => n > 0).length > 1;
}

/** How many leading bytes a host reads to detect the encoding. */
export const ENCODING_HEAD_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** True when the bytes are UTF-8, allowing a sequence cut short by the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/**
 * UTF-16 without a byte order mark: text in a Latin script has a zero byte in every other position. Counted over
 * the first 4 KiB, as the share of zeros at even and at odd offsets.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The encoding of a file, from its first bytes. A single-byte file is Windows-1252 when it uses 0x80–0x9F, else Latin-1. */
export function detectEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  const wide = utf16WithoutBom(head);
  if (wide) return { encoding: wide, bom: false };
  if (isUtf8(head)) return { encoding: 'utf-8', bom: false };
  // In Latin-1, 0x80–0x9F are control characters no text file means; Windows-1252 puts € ‘ ’ “ ” – — there.
  return { encoding: head.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'latin-1', bom: false };
}

/**
 * The encoding to read a file in: the import block's choice, else the detected one. A detected Latin-1 file is read
 * as Windows-1252 (the same characters, plus 0x80–0x9F), so a € past the sampled bytes cannot fail the read; a
 * chosen Latin-1 is read strictly by DuckDB.
 */
export function sourceEncoding(head: Uint8Array, chosen: CsvEncodingChoice | undefined): SourceEncoding {
  const found = detectEncoding(head);
  let encoding: TextEncodingName;
  if (chosen === undefined) encoding = found.encoding;
  else if (chosen === 'utf-16') encoding = found.encoding === 'utf-16be' ? 'utf-16be' : 'utf-16le';
  else encoding = chosen;
  const bom = found.bom && (found.encoding === encoding || (chosen === 'utf-16' && found.encoding.startsWith('utf-16')));
  const native: DuckDbEncoding | undefined =
    encoding === 'utf-8' ? 'utf-8' : encoding === 'utf-16le' && bom ? 'utf-16' : encoding === 'latin-1' && chosen === 'latin-1' ? 'latin-1' : undefined;
  const wide = encoding.startsWith('utf-16');
  const mixed = mixedLineEndings(bom && !wide ? head.subarray(3) : head.subarray(wide && found.bom ? 2 : 0), wide && encoding === 'utf-16le');
  if (mixed) return { encoding, bom, detected: chosen === undefined, readAs: 'utf-8', transcoded: true, mixedLineEndings: true };
  return { encoding, bom, detected: chosen === undefined, readAs: native ?? 'utf-8', transcoded: native === undefined };
}

/** The WHATWG TextDecoder label for an encoding (its `latin1` is Windows-1252, a superset of Latin-1's printable range). */
function decoderLabel(encoding: TextEncodingName): string {
  return encoding === 'latin-1' ? 'windows-1252' : encoding;
}

/**
 * Converts a file to UTF-8 chunk by chunk, so a large file is never held twice. A byte order mark is dropped;
 * bytes that are not valid in the encoding become U+FFFD.
 */
export function utf8Transcoder(encoding: TextEncodingName, lfOnly = false): { push(chunk: Uint8Array): Uint8Array; end(): Uint8Array } {
  const decoder = new TextDecoder(decoderLabel(encoding));
  const encoder = new TextEncoder();
  // A CR at the end of one chunk may be the first half of a CRLF in the next.
  let heldCr = false;
  const lines = (text: string, last: boolean): string => {
    if (!lfOnly) return text;
    let t = (heldCr ? '\r' : '') + text;
    heldCr = !last && t.endsWith('\r');
    if (heldCr) t = t.slice(0, -1);
    return t.replace(/\r\n?/g, '\n');
  };
  return {
    push: (chunk) => encoder.encode(lines(decoder.decode(chunk, { stream: true }), false)),
    end: () => encoder.encode(lines(decoder.decode(), true)),
  };
}

/** How an encoding reads in a report, e.g. `utf-16le (BOM), converted to UTF-8`. */
export function describeEncoding(e: SourceEncoding): string {
  const converted = e.mixedLineEndings ? (e.encoding === 'utf-8' ? ', line endings made LF' : ', converted to UTF-8 with LF line endings') : ', converted to UTF-8';
  return `${e.encoding}${e.bom ? ' (BOM)' : ''}${e.transcoded ? converted : ''}`;
}
