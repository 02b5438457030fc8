/**
 * Streaming CSV output with bounded memory.
 *
 * Rows are appended to an in-memory string and handed to the file stream in
 * ~1 MB chunks; `flushIfFull` waits for 'drain' when the stream pushes back, so
 * even a 10M-row file never holds more than a few MB in memory.
 */
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK_CHARS = 1 << 20;

/** Throws if a value would need CSV quoting; the generated files are never quoted. */
export function assertCsvSafe(value: string): string {
  if (/[",\r\n]/.test(value)) throw new Error(`value needs CSV quoting: ${JSON.stringify(value)}`);
  return value;
}

/** What a finished file looked like, for the CLI summary. */
export interface WrittenFile {
  path: string;
  rows: number;
  bytes: number;
}

/** Appends comma-separated, LF-terminated lines to a file. */
export class CsvFileWriter {
  private readonly stream: WriteStream;
  private buffer = '';
  private rowCount = 0;
  private byteCount = 0;
  private failure: Error | null = null;

  /** Opens (truncating) `path` and writes the header row. */
  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (error: Error) => {
      this.failure = error;
    });
    this.buffer = header.map(assertCsvSafe).join(',') + '\n';
  }

  /** Appends one data row, already joined with commas, without the newline. */
  addLine(line: string): void {
    this.buffer += line + '\n';
    this.rowCount++;
  }

  /** Hands the buffer to the stream once it holds ~1 MB; waits if the stream is backed up. */
  async flushIfFull(): Promise<void> {
    if (this.buffer.length >= CHUNK_CHARS) await this.flush();
  }

  /** Writes out everything buffered, honouring backpressure. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    // All generated text is ASCII, so characters equal bytes.
    this.byteCount += chunk.length;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = (): void => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error): void => {
          this.stream.off('drain', onDrain);
          reject(error);
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  /** Flushes, closes the file and reports its size and data-row count. */
  async close(): Promise<WrittenFile> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure) throw this.failure;
    return { path: this.path, rows: this.rowCount, bytes: this.byteCount };
  }
}

/** Writes a small JSON document with stable two-space formatting and a trailing newline. */
export function writeJsonFile(path: string, value: unknown): WrittenFile {
  mkdirSync(dirname(path), { recursive: true });
  const text = JSON.stringify(value, null, 2) + '\n';
  writeFileSync(path, text, 'utf8');
  return { path, rows: 0, bytes: Buffer.byteLength(text) };
}

/** Fixed-precision number formatting, so output never depends on float printing. */
export function fixed(value: number, digits: number): string {
  // toFixed can print "-0.0000" for tiny negatives; normalise that away.
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Rounds to `digits` decimals, so values used in the model equal the values written. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Rounds statistics for JSON so planted.json does not depend on the last float bits. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
