import type { z } from 'zod';
import type { WrangleError } from '../errors/catalog';
import type { ModelHost, ModelProgress, ModelReport } from '../model/als-contract';
import type { NumericColumn, SqlRow } from '../sql/sql-runner';
import type { CsvReadReport } from './import/csv-report';
import type { SourceEncoding } from './import/encoding';
import type { UserSql } from '../sql/user-sql-guard';

/** A column of a relation, with its DuckDB type as DuckDB spells it (`VARCHAR`, `DOUBLE`, `BIGINT`, ...). */
export interface Column {
  name: string;
  type: string;
}

/** A relation a block reads: its SQL reference (already quoted) and its columns. */
export interface Relation {
  ref: string;
  columns: Column[];
}

/** Families group blocks in the palette. */
export type BlockFamily = 'input' | 'clean' | 'encode' | 'transform' | 'combine' | 'split' | 'model' | 'output';

/** Resolves the files a block touches. Paths are ready to be written as SQL literals. */
export interface FileResolver {
  /** The engine path of a declared input, by logical name. */
  inputPath(name: string): string;
  /**
   * A table that already holds the input's rows, where the engine cannot read the format itself (duckdb-wasm has no
   * Parquet or JSON reader offline, so the studio loads those through Arrow). Undefined: read the file at inputPath.
   */
  inputTable?(name: string): string | undefined;
  /** How the host resolved a text input's encoding (and whether it converted the file to UTF-8). */
  inputEncoding?(name: string): SourceEncoding | undefined;
}

export interface BlockContext<P> {
  blockId: string;
  params: P;
  /** Input relations by port name. */
  inputs: Record<string, Relation>;
}

export interface FitContext<P> extends BlockContext<P> {
  /** Runs a bounded query (an aggregate or a LIMIT) over the inputs. */
  query(sql: string): Promise<SqlRow[]>;
  files: FileResolver;
}

export interface CompileContext<P, F> extends BlockContext<P> {
  fitted: F | undefined;
  files: FileResolver;
  /** What `prepare` made, for blocks that have it. */
  prepared?: Prepared;
  /** What `readSource` found, for blocks that have it. */
  source?: SourceReading;
}

/** For blocks that must look at their file before they compile: what they may run, and scratch table names. */
export interface ReadSourceContext<P> {
  blockId: string;
  params: P;
  files: FileResolver;
  query(sql: string): Promise<SqlRow[]>;
  exec(sql: string): Promise<void>;
  table(suffix: string): string;
}

/** How an import block reads its file, settled by looking at it, and what it tells the user about that. */
export interface SourceReading {
  /** The table function call that reads the file, e.g. `read_csv('…', auto_detect = false, delim = ';', …)`. */
  reader?: string;
  csv?: CsvReadReport;
  /** The file's column names, for a block that adds a column of its own and must not clash with them. */
  columns?: string[];
}

/**
 * For blocks whose work is not one SELECT (training a model): what they may do before they compile. Tables they make
 * are named through `table()`, so they belong to this result (its content hash) and are dropped with it.
 */
export interface PrepareContext<P> extends BlockContext<P> {
  files: FileResolver;
  table(suffix: string): string;
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<SqlRow[]>;
  queryColumns(sql: string): Promise<Record<string, Float64Array>>;
  createTableFromColumns(table: string, columns: NumericColumn[]): Promise<void>;
  models: ModelHost;
  signal?: AbortSignal;
  progress(p: ModelProgress): void;
}

/** The tables a block prepared (unquoted names, by role), its model report, and SELECTs of small results it computed. */
export interface Prepared {
  tables: Record<string, string>;
  report?: ModelReport;
  sql?: Record<string, string>;
}

/** A file an export block writes. */
export interface Sink {
  fileName: string;
  /** The options of DuckDB's COPY, already rendered, e.g. `FORMAT csv, HEADER true`. */
  copyOptions: string;
}

/**
 * What a block compiles to: one SELECT over its inputs. A block with several outputs (a split) also says how each
 * output port reads the main result, given that result's quoted reference.
 */
export interface Compiled {
  select: string;
  outputs?: (main: string) => Record<string, string>;
  sink?: Sink;
  /** SQL the user wrote that is part of `select`: the executor has the engine's parser check it before anything runs. */
  userSql?: UserSql[];
}

/**
 * One block kind: everything the engine needs to know about it, in one place. `I` is what the params schema accepts
 * (defaults may be absent): the studio's forms edit that shape.
 */
export interface BlockDefinition<P, F = undefined, I = unknown> {
  kind: string;
  family: BlockFamily;
  title: string;
  description: string;
  params: z.ZodType<P, I>;
  /** Kept out of the palette: a kind that tools create (an importer's placeholder), never one a user adds by hand. */
  paletteHidden?: boolean;
  /** Fitted state's schema, for blocks that learn from data (labels, statistics). */
  fitted?: z.ZodType<F, unknown>;
  /** Input port names, in order. */
  inputs(params: P): string[];
  /** Output port names, in order. An export has none. */
  outputs(params: P): string[];
  /** Learns state from the inputs. Stored readably in the flow, so the same columns come out on new data. */
  fit?(ctx: FitContext<P>): Promise<F>;
  /** Makes the tables compile reads, for blocks whose work is not SQL (training). Runs only when the result is not cached. */
  prepare?(ctx: PrepareContext<P>): Promise<Prepared>;
  /**
   * Looks at the block's file before it compiles (an import settles how to read a CSV): runs when the result is not
   * cached, in dry runs too, and its answer reaches `compile` as `ctx.source`.
   */
  readSource?(ctx: ReadSourceContext<P>): Promise<SourceReading | undefined>;
  /** Compiles to SQL. Throws a WrangleError for a problem the user can fix (a missing column, bad settings). */
  compile(ctx: CompileContext<P, F>): Compiled;
  /** Turns an engine error about this block's SQL into a clearer one, where the block knows better. */
  explainError?(message: string, params: P): WrangleError | undefined;
}

/** Identity helper that keeps each definition's own parameter types. */
export function defineBlock<P, F = undefined, I = unknown>(def: BlockDefinition<P, F, I>): BlockDefinition<P, F, I> {
  return def;
}

export const SINGLE_IN = ['in'];
export const SINGLE_OUT = ['out'];
