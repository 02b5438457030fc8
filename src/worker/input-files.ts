/**
 * The files behind a flow's logical inputs. CSV and TSV are read by DuckDB from the registered file itself; Parquet
 * and JSON are loaded into a table on first use (duckdb-wasm has no readers for them offline), and the import block
 * then reads that table.
 */
import { WrangleError, fail, isWrangleError } from '../engine/errors/catalog';
import { JSON_LIST_OF_VALUES, jsonNotATable, notATableError } from '../engine/inputs/content-kind';
import { declaredInputs, type DeclaredInput } from '../engine/inputs/declared-inputs';
import type { FlowDocument } from '../engine/flow/schema';
import type { InputFile } from '../engine/run/executor';
import type { SqlRunner } from '../engine/sql/sql-runner';
import { quoteIdent } from '../engine/sql/quote';
import type { LoadParquet } from './parquet-codec';
import { ENCODING_HEAD_BYTES } from '../engine/inputs/encoding';
import { dropTextSource, resolveTextSource, type TextSource } from './text-source';
import { INPUT_DIR, type WasmDatabase } from './wasm-database';

type InputFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'jsonl';

interface Registration {
  fileName: string;
  /** Bytes, as registered. */
  size: number;
  /** The File, read again when it must be loaded; registered bytes are read back from the engine instead. */
  file?: File;
  path: string;
  fingerprint: string;
  serial: number;
  loaded?: { format: InputFormat; table: string };
  /** The first bytes of registered bytes (a File's are read from it). */
  head?: Uint8Array;
  /** A CSV or TSV input's encoding, and the UTF-8 copy DuckDB reads where it cannot read the file itself. */
  text?: TextSource;
  /** Its rows, once measured (see `rowsOf`). */
  rows?: InputRows;
}

/** How many rows an input has: counted (a table the engine loaded) or estimated from its bytes and first lines. */
export interface InputRows {
  rows: number;
  exact: boolean;
}

/** Bytes read at each of a few places of a text file to estimate its rows from the lines there. */
const ESTIMATE_CHUNK_BYTES = 64 * 1024;
/** Where those chunks start, as fractions of the file: its head alone can be unlike the rest (short ids first). */
const ESTIMATE_AT = [0, 0.25, 0.5, 0.75, 1] as const;

/** The inputs a run can use, and the reasons the others could not be loaded (by input name). */
export interface FlowInputs {
  inputs: Record<string, InputFile>;
  failures: Map<string, WrangleError>;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = { csv: 'csv', tsv: 'tsv', txt: 'csv', parquet: 'parquet', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl' };

/** The format a file name suggests, for inputs no import block declares. */
export function formatOfFileName(fileName: string): InputFormat {
  return FORMAT_BY_EXTENSION[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'csv';
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Bytes that came through postMessage or a file read sit in a plain ArrayBuffer, never a shared one.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A few chunks of a file, spread over it (File.slice reads only those bytes). */
async function chunksOf(file: File): Promise<Uint8Array[]> {
  const starts = [...new Set(ESTIMATE_AT.map((at) => Math.max(0, Math.floor((file.size - ESTIMATE_CHUNK_BYTES) * at))))];
  return Promise.all(starts.map(async (start) => new Uint8Array(await file.slice(start, start + ESTIMATE_CHUNK_BYTES).arrayBuffer())));
}

/**
 * A text file's rows from chunks of it: its size over the mean length of the lines in them. In the first chunk a line
 * is counted from the chunk's start (the file's); in the others from the first line break, which ends a line begun
 * before the chunk.
 */
export function estimateRows(chunks: readonly Uint8Array[], size: number): number {
  let lines = 0;
  let bytes = 0;
  for (const [index, chunk] of chunks.entries()) {
    let first = -1;
    let last = -1;
    let breaks = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== 0x0a) continue;
      if (first < 0) first = i;
      last = i;
      breaks++;
    }
    if (breaks === 0) continue;
    if (index === 0) {
      lines += breaks;
      bytes += last + 1;
    } else if (breaks > 1) {
      lines += breaks - 1;
      bytes += last - first;
    }
  }
  // No line ends anywhere looked at: one row, as far as can be told without reading more.
  if (lines === 0) return 1;
  return Math.round(size / (bytes / lines));
}

export class InputFiles {
  private readonly registered = new Map<string, Registration>();
  private serial = 0;

  constructor(
    private readonly db: WasmDatabase,
    private readonly runner: SqlRunner,
    private readonly loadParquet: LoadParquet,
  ) {}

  /** Registers (or replaces) the file behind an input: a File by handle, bytes by buffer. */
  async register(inputName: string, fileName: string, source: File | Uint8Array): Promise<void> {
    const size = source instanceof Uint8Array ? source.byteLength : source.size;
    if (size === 0) fail('E_INPUT_EMPTY', { name: inputName, file: fileName, detail: 'the file is empty' });
    const serial = ++this.serial;
    const path = `${INPUT_DIR}${serial}/${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    // A file is identified by name, size and modification time; bytes (which have neither) by their digest.
    const fingerprint =
      source instanceof Uint8Array ? `${fileName}:${size}:${await sha256Hex(source)}` : `${fileName}:${size}:${source.lastModified}`;
    // The first bytes of a buffer are kept for detecting its encoding: the engine may take the buffer over.
    const head = source instanceof Uint8Array ? source.slice(0, ENCODING_HEAD_BYTES) : undefined;
    if (source instanceof Uint8Array) await this.db.registerBuffer(path, source);
    else await this.db.registerFile(path, source);
    await this.forget(inputName);
    this.registered.set(inputName, { fileName, size, path, fingerprint, serial, ...(head ? { head } : { file: source as File }) });
  }

  /** The size in bytes of the file registered for an input (0 when none is). */
  sizeOf(inputName: string): number {
    return this.registered.get(inputName)?.size ?? 0;
  }

  /**
   * The rows of an input, measured cheaply: a table the engine loaded (Parquet, JSON) is counted; a text file's
   * rows are its bytes over the mean length of its first lines. `atLeast`: an answer is needed only when the input
   * may have more rows than that, and a text file too small to hold them (a row takes at least 2 bytes, one value
   * and a line break) is not read at all.
   */
  async rowsOf(inputName: string, atLeast: number): Promise<InputRows | undefined> {
    const r = this.registered.get(inputName);
    if (!r) return undefined;
    if (r.rows) return r.rows;
    if (r.loaded) {
      const n = Number((await this.runner.query(`SELECT count(*) AS n FROM ${quoteIdent(r.loaded.table)}`))[0]?.n ?? 0);
      r.rows = { rows: n, exact: true };
      return r.rows;
    }
    if (r.size <= atLeast * 2) return { rows: Math.floor(r.size / 2), exact: false };
    const chunks = r.file ? await chunksOf(r.file) : [r.head ?? new Uint8Array()];
    r.rows = { rows: estimateRows(chunks, r.size), exact: false };
    return r.rows;
  }

  /** The inputs of a flow, each loaded in the format its import block declares. */
  async forFlow(flow: FlowDocument): Promise<FlowInputs> {
    const inputs: Record<string, InputFile> = {};
    const failures = new Map<string, WrangleError>();
    for (const declared of declaredInputs(flow)) {
      const r = this.registered.get(declared.name);
      if (!r) continue;
      const format = declared.format as InputFormat;
      try {
        if (format === 'csv' || format === 'tsv') {
          const text = await this.textOf(declared.name, r, declared.encoding);
          inputs[declared.name] = { path: text.path, fingerprint: r.fingerprint, encoding: text.encoding };
          continue;
        }
        const table = format === 'parquet' || format === 'json' || format === 'jsonl' ? await this.loadTable(declared.name, r, format) : undefined;
        inputs[declared.name] = { path: r.path, fingerprint: r.fingerprint, ...(table ? { table } : {}) };
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        failures.set(declared.name, isWrangleError(e) ? e : new WrangleError('E_INPUT_READ', { name: declared.name, file: r.fileName, detail }));
      }
    }
    return { inputs, failures };
  }

  /** The text source of a CSV input, resolved once per encoding choice. */
  private async textOf(name: string, r: Registration, chosen: DeclaredInput['encoding']): Promise<TextSource> {
    if (r.text && r.text.chosen === chosen) return r.text;
    await dropTextSource(this.db, r.path, r.text);
    delete r.text;
    r.text = await resolveTextSource(this.db, { ...r, inputName: name }, chosen);
    return r.text;
  }

  private async loadTable(name: string, r: Registration, format: InputFormat): Promise<string> {
    if (r.loaded?.format === format) return r.loaded.table;
    await this.dropTable(r);
    const table = `__input_${name}_${r.serial}`;
    if (format === 'parquet') {
      const codec = await this.loadParquet();
      await this.db.insertArrowIpc(table, codec.toArrow(await this.bytesOf(r)));
    } else if (format === 'json') {
      const start = r.head ?? (r.file ? new Uint8Array(await r.file.slice(0, 4096).arrayBuffer()) : await this.bytesOf(r));
      const first = /\S/.exec(new TextDecoder().decode(start.slice(0, 4096)).replace(/^\uFEFF/, ''))?.[0];
      const notTable = jsonNotATable(first);
      if (notTable) throw notATableError(name, r.fileName, notTable);
      await this.insertJsonRows(name, r, table, r.path);
    } else {
      // duckdb-wasm reads JSON arrays only: newline-delimited records are joined into one array first.
      const lines = new TextDecoder().decode(await this.bytesOf(r)).split(/\r?\n/).filter((l) => l.trim() !== '');
      const arrayPath = `${r.path}.array.json`;
      await this.db.registerBuffer(arrayPath, new TextEncoder().encode(`[${lines.join(',\n')}]`));
      try {
        await this.insertJsonRows(name, r, table, arrayPath);
      } finally {
        await this.db.dropFile(arrayPath);
      }
    }
    r.loaded = { format, table };
    return table;
  }

  /** A JSON array of rows into `table`; a list of plain values (`[1, 2, 3]`) is not a table, as the CLI says too. */
  private async insertJsonRows(name: string, r: Registration, table: string, path: string): Promise<void> {
    await this.db.insertJsonFromPath(table, path).catch((e: unknown) => {
      // duckdb-wasm's words for a list without objects ("Provided table/dataframe must have at least one column").
      if (/at least one column|Table type not specified/i.test(e instanceof Error ? e.message : String(e))) throw notATableError(name, r.fileName, JSON_LIST_OF_VALUES);
      throw e;
    });
  }

  private async bytesOf(r: Registration): Promise<Uint8Array> {
    return r.file ? new Uint8Array(await r.file.arrayBuffer()) : this.db.copyFileToBuffer(r.path);
  }

  private async dropTable(r: Registration): Promise<void> {
    if (!r.loaded) return;
    await this.runner.exec(`DROP TABLE IF EXISTS ${quoteIdent(r.loaded.table)}`);
    delete r.loaded;
  }

  /** Drops an input's previous file and table. Results computed from them stay cached under their old fingerprint. */
  async forget(inputName: string): Promise<void> {
    const old = this.registered.get(inputName);
    if (!old) return;
    this.registered.delete(inputName);
    await this.dropTable(old);
    await dropTextSource(this.db, old.path, old.text);
    await this.db.dropFile(old.path);
  }
}
