import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { binaryContent, notATableError } from '../engine/inputs/content-kind';
import { ENCODING_HEAD_BYTES, sourceEncoding, utf8Transcoder, type CsvEncodingChoice, type SourceEncoding } from '../engine/inputs/encoding';

/** Bytes read at a time while converting a file. */
const CHUNK_BYTES = 1 << 20;

let scratch: string | undefined;

/** A private directory for converted inputs, removed when the process exits. */
function scratchDir(): string {
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'wrangle-input-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = realpathSync(dir);
  }
  return scratch;
}

/** The first bytes of a file, for detecting its encoding. */
export function readHead(path: string, bytes = ENCODING_HEAD_BYTES): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The file DuckDB reads for a CSV or TSV input and how its encoding was resolved: the file itself when DuckDB reads
 * its encoding, else a UTF-8 copy in a private directory (written chunk by chunk, so a large file is never held
 * whole). The sandbox then allows the copy, not the original.
 */
export function textInput(inputName: string, path: string, chosen: CsvEncodingChoice | undefined): { path: string; encoding: SourceEncoding } {
  const head = readHead(path);
  const encoding = sourceEncoding(head, chosen);
  // An image or other binary file is refused before it is converted as if it were text.
  const binary = binaryContent(head, encoding.encoding.startsWith('utf-16'));
  if (binary) throw notATableError(inputName, basename(path), binary);
  if (!encoding.transcoded) return { path, encoding };
  const dir = join(scratchDir(), inputName);
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, basename(path));
  const transcoder = utf8Transcoder(encoding.encoding, encoding.mixedLineEndings);
  const from = openSync(path, 'r');
  const to = openSync(copy, 'w');
  try {
    const chunk = new Uint8Array(CHUNK_BYTES);
    for (let n = readSync(from, chunk); n > 0; n = readSync(from, chunk)) writeSync(to, transcoder.push(chunk.subarray(0, n)));
    writeSync(to, transcoder.end());
  } finally {
    closeSync(from);
    closeSync(to);
  }
  return { path: copy, encoding };
}
