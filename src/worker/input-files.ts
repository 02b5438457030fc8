/**
 * The files behind a flow's logical inputs. CSV and TSV are read by DuckDB from the registered file itself; Parquet
 * and JSON are loaded into a table on first use (duckdb-wasm has no readers for them offline), and the import block
 * then reads that table.
 */
import { WrangleError, fail, isWrangleError } from '../engine/errors/catalog';
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
}

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
      await this.db.insertJsonFromPath(table, r.path);
    } else {
      // duckdb-wasm reads JSON arrays only: newline-delimited records are joined into one array first.
      const lines = new TextDecoder().decode(await this.bytesOf(r)).split(/\r?\n/).filter((l) => l.trim() !== '');
      const arrayPath = `${r.path}.array.json`;
      await this.db.registerBuffer(arrayPath, new TextEncoder().encode(`[${lines.join(',\n')}]`));
      try {
        await this.db.insertJsonFromPath(table, arrayPath);
      } finally {
        await this.db.dropFile(arrayPath);
      }
    }
    r.loaded = { format, table };
    return table;
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
