/**
 * The encoding of a registered CSV or TSV input, and the file DuckDB reads for it: the registered file itself when
 * DuckDB reads its encoding (UTF-8, UTF-16 LE with a BOM, a chosen Latin-1), else a UTF-8 copy registered beside it.
 * Only that copy reads the whole file into memory, which is acceptable for the rare non-UTF-8 file; a UTF-8 file
 * stays registered by handle.
 */
import { binaryContent, notATableError } from '../engine/inputs/content-kind';
import { ENCODING_HEAD_BYTES, sourceEncoding, utf8Transcoder, type CsvEncodingChoice, type SourceEncoding } from '../engine/inputs/encoding';
import type { WasmDatabase } from './wasm-database';
import { concatBytes } from './concat-bytes';

/** A registered input's resolved text: kept until the block's encoding choice changes. */
export interface TextSource {
  chosen: CsvEncodingChoice | undefined;
  encoding: SourceEncoding;
  /** What DuckDB reads: the registered path, or the UTF-8 copy's. */
  path: string;
}

/** Bytes of a File read at a time while converting it. */
const CHUNK_BYTES = 8 << 20;

/**
 * Resolves the encoding of a registered input (a File by handle, or bytes already in the engine, whose first bytes
 * the caller kept) and converts it if need be.
 */
export async function resolveTextSource(
  db: WasmDatabase,
  registered: { inputName: string; fileName: string; path: string; file?: File; head?: Uint8Array },
  chosen: CsvEncodingChoice | undefined,
): Promise<TextSource> {
  const { path, file } = registered;
  const head = file ? new Uint8Array(await file.slice(0, ENCODING_HEAD_BYTES).arrayBuffer()) : (registered.head ?? (await db.copyFileToBuffer(path)).subarray(0, ENCODING_HEAD_BYTES));
  const encoding = sourceEncoding(head, chosen);
  // An image or other binary file is refused before it is converted as if it were text.
  const binary = binaryContent(head, encoding.encoding.startsWith('utf-16'));
  if (binary) throw notATableError(registered.inputName, registered.fileName, binary);
  if (!encoding.transcoded) return { chosen, encoding, path };
  const transcoder = utf8Transcoder(encoding.encoding, encoding.mixedLineEndings);
  const chunks: Uint8Array[] = [];
  if (file) {
    for (let at = 0; at < file.size; at += CHUNK_BYTES) chunks.push(transcoder.push(new Uint8Array(await file.slice(at, at + CHUNK_BYTES).arrayBuffer())));
  } else chunks.push(transcoder.push(await db.copyFileToBuffer(path)));
  chunks.push(transcoder.end());
  const utf8Path = `${path}.utf-8.csv`;
  await db.registerBuffer(utf8Path, concatBytes(chunks));
  return { chosen, encoding, path: utf8Path };
}

/** Drops a converted copy; the registered file itself is the caller's. */
export async function dropTextSource(db: WasmDatabase, registeredPath: string, text: TextSource | undefined): Promise<void> {
  if (text && text.path !== registeredPath) await db.dropFile(text.path);
}
