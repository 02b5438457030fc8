import type { z } from 'zod';
import type { ParamWords } from './param-words';
import type { WrangleError } from '../errors/catalog';
import type { ModelHost, ModelProgress, ModelReport } from '../model/als-contract';
import type { NumericColumn, SqlRow } from '../sql/sql-runner';
import type { DeclaredInput } from '../inputs/declared-inputs';
import type { SourceEncoding } from '../inputs/encoding';
import type { UserSql } from '../sql/user-sql-guard';
import type { RowIdentity } from './row-identity';

/** A column of a relation, with its DuckDB type as DuckDB spells it (`VARCHAR`, `DOUBLE`, `BIGINT`, ...). */
export interface Column {
  name: string;
  type: string;
}

/** A relation a block reads: its SQL reference (already quoted) and its columns. */
export interface Relation {
  ref: string;
  columns: Column[];
  /** The block it comes from (its label, else its id), for messages that name where a column went missing. */
  from?: string;
  /** The same rows with a row identity beside them, where the flow kept one (row-identity.ts). */
  identity?: RowIdentity;
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

/**
 * A block's input relations by port. Where the kind's ports are fixed (`inputs` returns literal names), each is
 * there; where they depend on the settings, a port may be absent and must be checked.
 */
export type PortRelations<N extends string> = string extends N ? Partial<Record<string, Relation>> : Record<N, Relation>;

export interface BlockContext<P, N extends string = string> {
  blockId: string;
  params: P;
  /** Input relations by port name. */
  inputs: PortRelations<N>;
}

export interface FitContext<P, N extends string = string> extends BlockContext<P, N> {
  /** Runs a bounded query (an aggregate or a LIMIT) over the inputs. */
  query(sql: string): Promise<SqlRow[]>;
  files: FileResolver;
}

export interface CompileContext<P, F, N extends string = string> extends BlockContext<P, N> {
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
  /**
   * Offered where the host keeps the block's whole result as a table and no earlier result has to survive a failed
   * read (the CLI): makes that table now from `select`, which must be the SELECT the block then compiles to, and
   * returns its rows. An import loads its file this way as its strict check, so the file is read once, not twice.
   */
  loadResult?(select: string): Promise<number>;
}

/** How an import block reads its file, settled by looking at it, and what it tells the user about that. */
export interface SourceReading {
  /** The table function call that reads the file, e.g. `read_csv('…', auto_detect = false, delim = ';', …)`. */
  reader?: string;
  /** What the block tells the user about how it read the file (an import: the CSV dialect, the rows repaired). */
  report?: unknown;
  /** The file's column names, for a block that adds a column of its own and must not clash with them. */
  columns?: string[];
  /** The file's columns with their types, for a block that keys its rows by their values (a seeded sample). */
  schema?: Column[];
}

/**
 * For blocks whose work is not one SELECT (training a model): what they may do before they compile. Tables they make
 * are named through `table()`, so they belong to this result (its content hash) and are dropped with it.
 */
export interface PrepareContext<P, N extends string = string> extends BlockContext<P, N> {
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

/** A file a block writes. */
export interface Sink {
  fileName: string;
  /** The options of DuckDB's COPY, already rendered, e.g. `FORMAT csv, HEADER true`. */
  copyOptions: string;
  /** The file's format: a host without a writer of its own for it (duckdb-wasm and Parquet) writes it from Arrow. */
  format: 'csv' | 'parquet' | 'json';
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
  /**
   * A SELECT of one row of counts that the block reports (predict: the rows it dropped), over its inputs and its
   * result, given the result's quoted reference. Run once per computed result, never in a dry run; its row reaches
   * `report` as `facts.counted`.
   */
  counts?: (result: string) => string;
  /** A block that makes a row identity (`rowIdentity: 'makes'`): how many rows lead its order (RowIdentity.rows). */
  identityRows?: number;
  /** A block whose identity copies visible columns (an aggregate's groups): those columns (RowIdentity.groups). */
  identityGroups?: string[];
}

/** A file a block wrote: its name in the output directory, the engine path it went to, and its rows. */
export interface WrittenFile {
  fileName: string;
  path: string;
  rows: number;
}

/** What one run of a block found out besides its rows, for its `report` hook. */
export interface RunFacts {
  source?: SourceReading;
  prepared?: Prepared;
  written?: WrittenFile;
  /** The first row of one of the block's outputs (a one-row metrics table); absent in a dry run, which computes nothing. */
  firstRow?(port: string): Promise<Record<string, unknown> | undefined>;
  /** The row that `Compiled.counts` selected. */
  counted?: Record<string, unknown>;
}

/** How a host tells a block's report: beside its one-line status, under it, in `--json`, and the file it wrote. */
export interface ReportTelling {
  /** Words added to the block's status line, e.g. `→ train.csv`. */
  status?: string;
  /** Lines under the status line, e.g. how a CSV file was read. */
  details?: string[];
  /** Fields added to the block's entry of `wrangle run --json`. */
  json?: Record<string, unknown>;
  /** The file the block wrote, for the list of outputs. */
  wrote?: WrittenFile;
}

/** The formats a host may ask every export of a flow to be written in (`wrangle run --format`). */
export type OutputFormat = 'csv' | 'parquet';

/**
 * One block kind: everything the engine needs to know about it, in one place. `I` is what the params schema accepts
 * (defaults may be absent): the studio's forms edit that shape.
 */
export interface BlockDefinition<P, F = undefined, I = unknown, R = never, N extends string = string> {
  kind: string;
  family: BlockFamily;
  title: string;
  description: string;
  params: z.ZodType<P, I>;
  /** How the form names the settings whose paths do not say it, for messages about them (param-words.ts). */
  paramWords?: ParamWords;
  /** Kept out of the palette: a kind that tools create (an importer's placeholder), never one a user adds by hand. */
  paletteHidden?: boolean;
  /** Fitted state's schema, for blocks that learn from data (labels, statistics). */
  fitted?: z.ZodType<F, unknown>;
  /** Input port names, in order. */
  inputs(params: P): readonly N[];
  /** Output port names, in order. An export has none. */
  outputs(params: P): string[];
  /**
   * Whether each output port keeps a row by that row's own values (a randomized split), not by its place among the
   * others: then a port can read a view of the result, with no table of the whole result first (materialize-policy.ts).
   */
  portsPerRow?(params: P): boolean;
  /**
   * Whether two reads of the block's result may give other rows although its inputs gave the same (a query of the
   * user's, the first rows of a relation with no order). A split below such a block stays a table (reads-agree.ts).
   */
  variesBetweenReads?(params: P): boolean;
  /** Learns state from the inputs. Stored readably in the flow, so the same columns come out on new data. */
  fit?(ctx: FitContext<P, N>): Promise<F>;
  /** Makes the tables compile reads, for blocks whose work is not SQL (training). Runs only when the result is not cached. */
  prepare?(ctx: PrepareContext<P, N>): Promise<Prepared>;
  /**
   * Looks at the block's file before it compiles (an import settles how to read a CSV): runs when the result is not
   * cached, in dry runs too, and its answer reaches `compile` as `ctx.source`.
   */
  readSource?(ctx: ReadSourceContext<P>): Promise<SourceReading | undefined>;
  /**
   * How the block's result keeps its input's row identity (row-identity.ts). `keeps`: its SQL passes every column it
   * does not name on through `*` (or lists `carriedIdentity`), and each output row is one input row's, chosen by the
   * row's own values; it compiles against the input's identity relation. `makes`: it reads `input.identity` itself,
   * to write identity columns of its own (a join, an aggregate) or to sort by it (an export). `starts`: kept as a table, its `rowid` numbers its rows in the order it read them (an
   * import). Absent: its result has no identity, and exports after it sort by every column.
   */
  rowIdentity?: 'keeps' | 'makes' | 'starts';
  /** Compiles to SQL. Throws a WrangleError for a problem the user can fix (a missing column, bad settings). */
  compile(ctx: CompileContext<P, F, N>): Compiled;
  /**
   * Turns an engine error about this block's SQL into a clearer one, where the block knows better. `inputs` are the
   * block's input relations (empty when it failed before they were connected), for "Did you mean" a column.
   */
  explainError?(message: string, params: P, inputs: Readonly<Record<string, Relation>>): WrangleError | undefined;
  /**
   * The file the host must supply (an import's logical input). The block's result then depends on that file's
   * content: the executor puts the file's fingerprint into the block's hash.
   */
  declaredInput?(params: P): DeclaredInput;
  /** The file the block writes into the output directory (an export): hosts check names and allow writing it. */
  declaredOutput?(params: P): string;
  /** The params that write the same file in another format (`wrangle run --format parquet`). */
  withOutputFormat?(params: P, format: OutputFormat): P;
  /** What the block tells about its run besides rows: plain JSON that crosses to the studio and the CLI as is. */
  report?(facts: RunFacts): R | undefined | Promise<R | undefined>;
  /** How a host without the block's own views (the CLI) tells that report. */
  tellReport?(report: R): ReportTelling;
}

/** Identity helper that keeps each definition's own parameter types. */
export function defineBlock<P, F = undefined, I = unknown, R = never, N extends string = string>(
  def: BlockDefinition<P, F, I, R, N>,
): BlockDefinition<P, F, I, R, N> {
  return def;
}

export const SINGLE_IN = ['in'] as const;
export const SINGLE_OUT = ['out'];
