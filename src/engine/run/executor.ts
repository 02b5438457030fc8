import { blockDefinition } from '../blocks/registry';
import type { BlockDefinition, Compiled, FileResolver, Prepared, Relation, SourceReading } from '../blocks/contract';
import type { CsvReadReport } from '../blocks/import/csv-report';
import type { SourceEncoding } from '../blocks/import/encoding';
import { fail, WrangleError } from '../errors/catalog';
import type { FlowBlock, FlowDocument } from '../flow/schema';
import type { ModelHost, ModelProgress, ModelReport } from '../model/als-contract';
import { buildGraph, type FlowGraph } from '../plan/graph';
import { contentHash } from '../plan/hash';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { checkUserSql } from '../sql/user-sql-guard';
import { classifyError } from './classify-error';
import { keepsAsTable } from './materialize-policy';
import type { SqlRunner } from '../sql/sql-runner';

/** A file behind a logical input: the path the engine reads, and a fingerprint that changes when the file does. */
export interface InputFile {
  path: string;
  fingerprint: string;
  /** A table the host already loaded the input into (see FileResolver.inputTable). */
  table?: string;
  /** How the host resolved a text file's encoding; `path` is a UTF-8 copy where it says `transcoded`. */
  encoding?: SourceEncoding;
}

/**
 * How results are kept. `table`: every block's result is materialised (the studio, for instant previews).
 * `auto`: views, except where a table pays (see materialize-policy.ts): the CLI, so DuckDB streams one pipeline.
 * `view`: views only (`wrangle sql`, which runs nothing).
 */
export type Materialize = 'table' | 'auto' | 'view';

export type BlockEvent =
  | { type: 'start'; blockId: string; index: number; total: number }
  | { type: 'done'; blockId: string; index: number; total: number; result: BlockResult }
  | { type: 'progress'; blockId: string; progress: ModelProgress };

export interface ExecuteOptions {
  inputs: Record<string, InputFile>;
  materialize: Materialize;
  /** The engine path for an export's file. Without it, exports compile but write nothing. */
  sinkPath?: (fileName: string) => string;
  /** Fit blocks again even when the flow holds fitted state: all of them, or the ids given. */
  refit?: boolean | ReadonlySet<string>;
  /** Count the rows of every result (cheap for tables, a full pass for views). */
  countRows?: 'all' | 'tables';
  /** Stop at the first failing block (the CLI), or keep running the branches that do not depend on it (the studio). */
  stopOnError?: boolean;
  /**
   * Drop a block's previous result before computing its new one (the studio), so an edit never holds the old and the
   * new table of every downstream block at once: at a million rows that is what runs a browser tab out of memory.
   */
  dropSuperseded?: boolean;
  /** Write no exports and count nothing: only create the (view) relations and record the script. Use with `materialize: 'view'`. */
  dryRun?: boolean;
  onEvent?: (e: BlockEvent) => void;
  /** Trains the model blocks (the CLI's worker threads, the studio's workers or GPU). */
  models?: ModelHost;
  /**
   * Blocks the user stopped (the studio's Stop): reported failed with E_RUN_STOPPED without computing anything, so a
   * computation the user gave up on is not started again by an edit elsewhere; the blocks that read them are blocked.
   */
  hold?: ReadonlySet<string>;
  /**
   * For the blocks `wants` names (the studio's imports of big files): before the whole result is built, `show` gets a
   * view of its first rows, so a preview can show them meanwhile. The view is dropped once the result is built.
   */
  firstRows?: { wants(blockId: string): boolean; show(blockId: string, rel: Relation): Promise<void> };
  /** Awaited after each block, before the next one starts: lets the host serve a preview of it first. */
  afterBlock?: (result: BlockResult) => Promise<void> | void;
  signal?: AbortSignal;
}

export interface BlockResult {
  blockId: string;
  status: 'ok' | 'error' | 'blocked';
  hash?: string;
  /** Output relations by port. */
  outputs: Record<string, Relation>;
  rows?: number;
  seconds: number;
  error?: WrangleError;
  /** The compiled SELECT, for the inspector. */
  sql?: string;
  /** Set when this run fitted the block; the caller may store it in the document. */
  fitted?: unknown;
  sink?: { fileName: string; path: string; rows: number };
  cached?: boolean;
  /** A model block's training report. */
  model?: ModelReport;
  /** How an import read its CSV file: the dialect, and the rows padded, rejected or skipped. */
  csv?: CsvReadReport;
}

export interface RunResult {
  ok: boolean;
  /** The signal stopped the run at a block boundary; `blocks` holds the blocks that finished before it. */
  cancelled?: boolean;
  blocks: BlockResult[];
  /** Every statement that built the results, in order: a runnable script of the flow. */
  script: string[];
}

interface CachedResult {
  outputs: Record<string, Relation>;
  rows?: number;
  /** The relations that hold it: the main one, then its port views. */
  relations: string[];
  /** Whether the main relation is a table (the port views always are views). */
  mainIsTable: boolean;
  /** Tables a model block prepared; they go with the result. */
  prepared?: Prepared;
  /** How an import read its file. */
  source?: SourceReading;
}

/** How many rows a first look at a big file shows: a few screens of the preview. */
export const FIRST_ROWS = 1000;

const relationName = (hash: string, port?: string): string => `w_${hash.slice(0, 20)}${port === undefined ? '' : `_${port}`}`;

const ownedTables = (cached: CachedResult): string[] => Object.values(cached.prepared?.tables ?? {});

/**
 * Runs flows against a SqlRunner. Each block's result is kept under a name derived from its content hash, so running
 * an edited flow again recomputes only the blocks whose hash changed: the edited one and those downstream of it.
 */
export class FlowExecutor {
  private readonly cache = new Map<string, CachedResult>();
  /** The hash of each block's latest result, to find the result an edit supersedes. */
  private readonly latestHash = new Map<string, string>();

  constructor(private readonly runner: SqlRunner) {}

  /** Forgets every cached result, e.g. after the engine restarted. */
  clearCache(): void {
    this.cache.clear();
    this.latestHash.clear();
  }

  /** Drops the result a block's new hash replaces, unless another block of the flow still has that result. */
  private async dropSupersededResult(blockId: string, hash: string): Promise<void> {
    const previous = this.latestHash.get(blockId);
    this.latestHash.set(blockId, hash);
    if (previous === undefined || previous === hash) return;
    if ([...this.latestHash.values()].includes(previous)) return;
    const cached = this.cache.get(previous);
    if (!cached) return;
    this.cache.delete(previous);
    const [main, ...views] = cached.relations;
    for (const view of views) await this.runner.exec(`DROP VIEW IF EXISTS ${quoteIdent(view)}`);
    if (main) await this.runner.exec(`DROP ${cached.mainIsTable ? 'TABLE' : 'VIEW'} IF EXISTS ${quoteIdent(main)}`);
    for (const table of ownedTables(cached)) await this.runner.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }

  /**
   * Forgets the cached results whose hash is not in `keep` and returns the names of the relations that held them,
   * port views before their main relation, for the host to drop. The studio keeps only its latest run's results, so
   * that edits do not pile up tables.
   */
  evict(keep: ReadonlySet<string>): string[] {
    const dropped: string[] = [];
    for (const [hash, cached] of this.cache) {
      if (keep.has(hash)) continue;
      this.cache.delete(hash);
      dropped.push(...[...cached.relations].reverse(), ...ownedTables(cached));
    }
    return dropped;
  }

  async run(flow: FlowDocument, options: ExecuteOptions): Promise<RunResult> {
    const graph = buildGraph(flow);
    const results = new Map<string, BlockResult>();
    const script: string[] = [];
    const total = graph.order.length;
    for (const [index, block] of graph.order.entries()) {
      if (options.signal?.aborted) return { ok: false, cancelled: true, blocks: graph.order.flatMap((b) => results.get(b.id) ?? []), script };
      options.onEvent?.({ type: 'start', blockId: block.id, index, total });
      const result = options.hold?.has(block.id)
        ? { blockId: block.id, status: 'error' as const, outputs: {}, seconds: 0, error: new WrangleError('E_RUN_STOPPED', { block: block.id }, block.id) }
        : await this.runBlock(block, graph, results, options, script);
      // A block the signal stopped part-way (a training) is not a failure of the flow: the run was cancelled.
      if (options.signal?.aborted && result.status === 'error') {
        return { ok: false, cancelled: true, blocks: graph.order.flatMap((b) => results.get(b.id) ?? []), script };
      }
      results.set(block.id, result);
      options.onEvent?.({ type: 'done', blockId: block.id, index, total, result });
      await options.afterBlock?.(result);
      if (result.status === 'error' && options.stopOnError) break;
    }
    const blocks = graph.order.flatMap((b) => results.get(b.id) ?? []);
    return { ok: blocks.length === total && blocks.every((b) => b.status === 'ok'), blocks, script };
  }

  private async runBlock(
    block: FlowBlock,
    graph: FlowGraph,
    results: Map<string, BlockResult>,
    options: ExecuteOptions,
    script: string[],
  ): Promise<BlockResult> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const def = blockDefinition(block.kind);
    const inputs: Record<string, Relation> = {};
    const upstream: Record<string, string> = {};
    try {
      for (const port of def.inputs(block.params)) {
        const ref = graph.inputsOf.get(block.id)?.[port] ?? fail('E_PORT_UNCONNECTED', { port });
        const from = results.get(ref.block);
        if (!from || from.status !== 'ok') return { blockId: block.id, status: 'blocked', outputs: {}, seconds: 0 };
        inputs[port] = from.outputs[ref.port]!;
        upstream[port] = `${from.hash}/${ref.port}`;
      }
      if (def.prepare && options.dryRun) {
        // A script of the flow holds its SQL; a model is trained (or scored) outside it, so the script stops there.
        script.push(`-- block "${block.id}" (${block.kind}) runs outside SQL: it and the blocks that read it are left out`);
        return { blockId: block.id, status: 'blocked', outputs: {}, seconds: 0 };
      }
      const files = this.fileResolver(options.inputs);
      let fitted = block.fitted;
      let newlyFitted: unknown;
      const refit = options.refit === true || (options.refit instanceof Set && options.refit.has(block.id));
      if (def.fit && (fitted === undefined || refit)) {
        const query = (sql: string) => this.runner.query(sql);
        newlyFitted = await def.fit({ blockId: block.id, params: block.params, inputs, query, files });
        fitted = newlyFitted;
      }
      const hash = contentHash({ kind: block.kind, params: block.params, fitted, upstream, source: this.sourceFingerprint(block, options) });
      const cached = this.cache.get(hash);
      let prepared = cached?.prepared;
      const source = cached ? cached.source : await this.readSource(def, block, files, hash);
      const seen = source ? { source } : {};
      // SQL blocks compile before anything is dropped, so a bad edit fails fast and keeps the previous result.
      let compiled = def.prepare ? undefined : def.compile({ blockId: block.id, params: block.params, inputs, fitted, files, ...seen });
      for (const sql of compiled?.userSql ?? []) await checkUserSql(this.runner, sql);
      if (options.dropSuperseded) await this.dropSupersededResult(block.id, hash);
      if (def.prepare && !prepared) prepared = await this.prepare(def, block, inputs, files, hash, options);
      compiled ??= def.compile({ blockId: block.id, params: block.params, inputs, fitted, files, ...seen, ...(prepared ? { prepared } : {}) });
      const firstRows = !cached && !compiled.sink && !options.dryRun ? options.firstRows : undefined;
      const first = firstRows?.wants(block.id) ? await this.showFirstRows(block.id, hash, compiled.select, firstRows) : undefined;
      const kept = cached ?? { ...(await this.materialize(hash, compiled, graph, block, options, script)), ...(prepared ? { prepared } : {}), ...seen };
      // Dropped with the result, not now: a preview of the first rows may still be reading it.
      if (first !== undefined) kept.relations.push(first);
      if (!cached && !options.dryRun) this.cache.set(hash, kept);
      const sink = compiled.sink && options.sinkPath ? await this.writeSink(compiled, options, script) : undefined;
      return {
        blockId: block.id,
        status: 'ok',
        hash,
        outputs: kept.outputs,
        ...(kept.rows !== undefined ? { rows: kept.rows } : sink ? { rows: sink.rows } : {}),
        seconds: seconds(),
        sql: compiled.select,
        ...(newlyFitted !== undefined ? { fitted: newlyFitted } : {}),
        ...(sink ? { sink } : {}),
        ...(cached ? { cached: true } : {}),
        ...(prepared?.report ? { model: prepared.report } : {}),
        ...(source?.csv ? { csv: source.csv } : {}),
      };
    } catch (e) {
      const error = classifyError(e, block.id, def.explainError ? (m) => def.explainError!(m, block.params) : undefined);
      return { blockId: block.id, status: 'error', outputs: {}, seconds: seconds(), error };
    }
  }

  /** Runs a model block's training (never in a dry run: it is not SQL). */
  private async prepare(
    def: BlockDefinition<unknown, unknown>,
    block: FlowBlock,
    inputs: Record<string, Relation>,
    files: FileResolver,
    hash: string,
    options: ExecuteOptions,
  ): Promise<Prepared> {
    const models = options.models ?? fail('E_TRAINER_MISSING', { block: block.id });
    const runner = this.runner;
    return def.prepare!({
      blockId: block.id,
      params: block.params,
      inputs,
      files,
      table: (suffix) => `${relationName(hash)}_${suffix}`,
      exec: (sql) => runner.exec(sql),
      query: (sql) => runner.query(sql),
      queryColumns: (sql) => runner.queryColumns(sql),
      createTableFromColumns: (table, columns) => runner.createTableFromColumns(table, columns),
      models,
      ...(options.signal ? { signal: options.signal } : {}),
      progress: (progress) => options.onEvent?.({ type: 'progress', blockId: block.id, progress }),
    });
  }

  private fileResolver(inputs: Record<string, InputFile>): FileResolver {
    return {
      inputPath: (name) => inputs[name]?.path ?? fail('E_INPUT_UNMAPPED', { name, file: 'a file' }),
      inputTable: (name) => inputs[name]?.table,
      inputEncoding: (name) => inputs[name]?.encoding,
    };
  }

  /** Lets a block look at its file before it compiles (an import settles its CSV dialect); scratch tables go by the hash. */
  private async readSource(def: BlockDefinition<unknown, unknown>, block: FlowBlock, files: FileResolver, hash: string): Promise<SourceReading | undefined> {
    if (!def.readSource) return undefined;
    const runner = this.runner;
    return def.readSource({
      blockId: block.id,
      params: block.params,
      files,
      query: (sql) => runner.query(sql),
      exec: (sql) => runner.exec(sql),
      table: (suffix) => `${relationName(hash)}_${suffix}`,
    });
  }

  /** Import blocks depend on their file's content, not only their settings. */
  private sourceFingerprint(block: FlowBlock, options: ExecuteOptions): string | undefined {
    return block.kind === 'import' ? options.inputs[block.params.input]?.fingerprint : undefined;
  }

  private async materialize(
    hash: string,
    compiled: Compiled,
    graph: FlowGraph,
    block: FlowBlock,
    options: ExecuteOptions,
    script: string[],
  ): Promise<CachedResult> {
    const def = blockDefinition(block.kind);
    const ports = def.outputs(block.params);
    const asTable =
      options.materialize === 'table' || (options.materialize === 'auto' && keepsAsTable(graph, block, compiled.outputs !== undefined));
    const main = relationName(hash);
    const kind = asTable && !compiled.sink ? 'TABLE' : 'VIEW';
    const create = `CREATE OR REPLACE ${kind} ${quoteIdent(main)} AS ${compiled.select}`;
    script.push(create);
    // DuckDB answers CREATE TABLE … AS with the number of rows it wrote, which spares a count query per block.
    let written = Number.NaN;
    if (kind === 'TABLE') written = Number((await this.runner.query(create))[0]?.Count);
    else await this.runner.exec(create);
    const portSql = compiled.outputs?.(quoteIdent(main));
    const outputs: Record<string, Relation> = {};
    const relations = [main];
    for (const [i, port] of ports.entries()) {
      let ref = quoteIdent(main);
      const sql = portSql?.[port];
      if (sql !== undefined) {
        const view = relationName(hash, String(i));
        relations.push(view);
        ref = quoteIdent(view);
        await this.exec(`CREATE OR REPLACE VIEW ${ref} AS ${sql}`, script);
      }
      outputs[port] = { ref, columns: await this.describe(ref) };
    }
    let rows: number | undefined;
    const count = options.countRows === 'all' || (options.countRows === 'tables' && kind === 'TABLE');
    if (count && !options.dryRun) {
      if (Number.isSafeInteger(written)) rows = written;
      else rows = Number((await this.runner.query(`SELECT count(*) AS n FROM ${quoteIdent(main)}`))[0]?.n ?? 0);
    }
    return { outputs, relations, mainIsTable: kind === 'TABLE', ...(rows !== undefined ? { rows } : {}) };
  }

  /** A view of the first rows of a block's SELECT, which reads only the start of its file, handed to `show`. */
  private async showFirstRows(blockId: string, hash: string, select: string, firstRows: NonNullable<ExecuteOptions['firstRows']>): Promise<string> {
    const name = `${relationName(hash)}_first`;
    await this.runner.exec(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM (${select}) LIMIT ${FIRST_ROWS}`);
    await firstRows.show(blockId, { ref: quoteIdent(name), columns: await this.describe(quoteIdent(name)) });
    return name;
  }

  private async writeSink(compiled: Compiled, options: ExecuteOptions, script: string[]) {
    const sink = compiled.sink!;
    const path = options.sinkPath!(sink.fileName);
    const sql = `COPY (${compiled.select}) TO ${quoteLiteral(path)} (${sink.copyOptions})`;
    script.push(sql);
    if (options.dryRun) return { fileName: sink.fileName, path, rows: 0 };
    const r = await this.runner.query(sql);
    const first = r[0];
    const rows = first ? Number(Object.values(first)[0] ?? 0) : 0;
    return { fileName: sink.fileName, path, rows };
  }

  private async exec(sql: string, script: string[]): Promise<void> {
    script.push(sql);
    await this.runner.exec(sql);
  }

  private async describe(ref: string): Promise<Relation['columns']> {
    const rows = await this.runner.query(`DESCRIBE ${ref}`);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  }
}
