/**
 * The studio's engine: one long-lived FlowExecutor over duckdb-wasm, so a re-run after an edit recomputes only the
 * blocks whose content changed, plus the previews, profiles, charts and files of the latest run's results. It knows
 * nothing of comlink or of the browser, so the tests run it on duckdb-wasm's Node build.
 */
import { requireColumn } from '../engine/blocks/columns';
import type { Relation } from '../engine/blocks/contract';
import { fail, WrangleError } from '../engine/errors/catalog';
import type { FlowDocument } from '../engine/flow/schema';
import { declaredInputOf, declaredOutputOf } from '../engine/inputs/declared-inputs';
import type { ModelHost } from '../engine/model/als-contract';
import { blockPorts, buildGraph, portKey, type FlowGraph } from '../engine/plan/graph';
import { chartData } from '../engine/profile/chart';
import { itemValuesSelect } from '../engine/profile/item-values';
import { profileTable } from '../engine/profile/profile';
import type { ChartData, TableProfile } from '../engine/profile/types';
import { FlowExecutor, type BlockResult } from '../engine/run/executor';
import { quoteIdent } from '../engine/sql/quote';
import { pysparkJob } from '../engine/spark/script';
import { serializeStudioSql } from '../engine/spark/studio-query-parser';
import { StoppableRunner } from '../engine/sql/stoppable-runner';
import { toBlockState } from './block-state';
import type { BlockState, ChartRequest, EngineApi, SampleInfo, ItemValuesRequest, PreviewRequest, PreviewResult, RunFlowOptions, RunFlowResult, TrainingEvent } from './engine-api';
import { FileOutput } from './file-output';
import { InputFiles } from './input-files';
import type { LoadParquet } from './parquet-codec';
import { PreviewHold } from './preview-hold';
import { sampleOf, samplePlans } from './preview-samples';
import { TrainingControl } from './training-control';
import type { WasmDatabase } from './wasm-database';
import { WasmRunner } from './wasm-runner';

/** Most rows one preview page may ask for. */
const MAX_PAGE = 10_000;

/** The longest a run waits, by default, for the focused block's preview to be shown before going on downstream. */
const PREVIEW_HOLD_MS = 300;
/** An import of a file this big shows its first rows before it reads the rest. */
const FIRST_ROWS_FROM_BYTES = 32 * 2 ** 20;
/** How long the run waits for the preview of those first rows: after it, the engine is busy reading the file. */
const FIRST_ROWS_HOLD_MS = 2000;

export interface EngineSessionOptions {
  /** The longest a run waits for the focused block's rows to be shown (see EngineApi.previewShown). */
  previewHoldMs?: number;
  /** An import of a file of at least this many bytes shows its first rows before it reads the rest (tests lower it). */
  firstRowsFromBytes?: number;
}

export class EngineSession implements EngineApi {
  private readonly executor: FlowExecutor;
  /** The executor's runner: `cancelRun` stops the statements of the run in progress through it. */
  private readonly stoppable: StoppableRunner;
  private readonly inputs: InputFiles;
  private readonly files: FileOutput;
  /** The relation behind each `block`/`port` output of the latest run, as each block finishes. */
  private outputs = new Map<string, Relation>();
  private latest: { flow: FlowDocument; graph: FlowGraph; results: Map<string, BlockResult>; samples: Map<string, SampleInfo> } | undefined;
  /** Row counts of relations: their names are content hashes, so a count never goes stale. */
  private readonly totals = new Map<string, number>();
  /** Runs and registrations one at a time; reads go between their statements. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The run in progress (or queued), which a newer runFlow cancels. */
  private running: AbortController | undefined;
  /** The block the user is looking at, and the run's pause after computing it, released once its rows are shown. */
  private readonly hold: PreviewHold;
  /** The block that trains now, and the user's Cancel for it. */
  private readonly training: TrainingControl;

  private constructor(
    private readonly runner: WasmRunner,
    db: WasmDatabase,
    loadParquet: LoadParquet,
    models: ModelHost | undefined,
    private readonly options: Required<EngineSessionOptions>,
  ) {
    this.stoppable = new StoppableRunner(runner);
    this.executor = new FlowExecutor(this.stoppable);
    this.inputs = new InputFiles(db, runner, loadParquet);
    this.files = new FileOutput(db, runner, loadParquet);
    this.training = new TrainingControl(models);
    this.hold = new PreviewHold(options.previewHoldMs);
  }

  /** `models` trains the model blocks; without it they fail with E_TRAINER_MISSING. */
  static async open(db: WasmDatabase, loadParquet: LoadParquet, models?: ModelHost, options: EngineSessionOptions = {}): Promise<EngineSession> {
    const settings = { previewHoldMs: options.previewHoldMs ?? PREVIEW_HOLD_MS, firstRowsFromBytes: options.firstRowsFromBytes ?? FIRST_ROWS_FROM_BYTES };
    return new EngineSession(await WasmRunner.open(db), db, loadParquet, models, settings);
  }

  async init(): Promise<{ version: string }> {
    return { version: await this.runner.version() };
  }

  registerFile(inputName: string, fileName: string, source: File | Uint8Array): Promise<void> {
    return this.exclusive(() => this.inputs.register(inputName, fileName, source));
  }

  unregisterFile(inputName: string): Promise<void> {
    return this.exclusive(() => this.inputs.forget(inputName));
  }

  runFlow(
    flow: FlowDocument,
    runId: number,
    onBlock?: (state: BlockState) => void,
    onTraining?: (event: TrainingEvent) => void,
    options: RunFlowOptions = {},
  ): Promise<RunFlowResult> {
    // A newer edit makes this run's remaining blocks pointless: stop the older run at its next block boundary, so
    // typing on a large table never queues up whole runs behind each other.
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    return this.exclusive(async () => {
      if (controller.signal.aborted) return { runId, blocks: [] };
      this.stoppable.resume();
      const graph = buildGraph(flow);
      const { inputs, failures } = await this.inputs.forFlow(flow);
      const results = new Map<string, BlockResult>();
      const outputs = new Map<string, Relation>();
      const plans = await samplePlans(this.inputs, flow, options.sampleRows ?? 0, inputs);
      // Which sample each block's result comes from: its own, or that of the blocks it reads.
      const samples = new Map<string, SampleInfo>();
      const stateOf = (result: BlockResult): BlockState => {
        const sample = samples.get(result.blockId);
        return { ...toBlockState(result), ...(sample && result.status === 'ok' ? { sample } : {}) };
      };
      const models = this.training.beginRun(options.holdTraining ?? [], (event) => notify(onTraining, event));
      const run = await this.executor.run(flow, {
        signal: controller.signal,
        preset: 'studio',
        inputs,
        ...(models ? { models } : {}),
        studio: {
          ...(options.stopped?.length ? { hold: new Set(options.stopped) } : {}),
          ...(plans.size > 0 ? { sample: (_blockId: string, inputName: string) => plans.get(inputName) } : {}),
          afterBlock: (result) => this.hold.afterBlock(result, controller.signal),
          firstRows: {
            wants: (blockId) => {
              const block = graph.byId.get(blockId);
              const input = block && declaredInputOf(block);
              return this.hold.isFocused(blockId) && input !== undefined && this.inputs.sizeOf(input.name) >= this.options.firstRowsFromBytes;
            },
            show: (blockId, rel) => {
              this.outputs.set(portKey({ block: blockId, port: 'out' }), rel);
              notify(onBlock, { blockId, status: 'running', outputs: { out: rel.columns }, partial: true });
              return this.hold.wait(blockId, FIRST_ROWS_HOLD_MS, controller.signal);
            },
          },
        },
        onEvent: (e) => {
          if (e.type === 'start') this.training.blockStarted(e.blockId);
          if (e.type === 'progress') notify(onTraining, { type: 'iteration', blockId: e.blockId, progress: e.progress });
          if (e.type !== 'done') return;
          const result = withInputFailure(e.result, graph, failures);
          results.set(result.blockId, result);
          const sample = sampleOf(result, graph, samples);
          if (sample) samples.set(result.blockId, sample);
          // Previews of this block now read its new result, or fail if it has none, while the rest still runs.
          const block = graph.byId.get(result.blockId);
          for (const port of block ? blockPorts(block).outputs : []) this.outputs.delete(portKey({ block: result.blockId, port }));
          const ports = Object.entries(result.outputs);
          for (const [port, rel] of ports) {
            outputs.set(portKey({ block: result.blockId, port }), rel);
            this.outputs.set(portKey({ block: result.blockId, port }), rel);
          }
          // A single output is the counted result itself: its preview needs no count query of its own.
          if (ports.length === 1 && result.rows !== undefined) this.totals.set(ports[0]![1].ref, result.rows);
          notify(onBlock, stateOf(result));
        },
      });
      // A stopped run reports what it finished, and the block it was computing and those below it stopped.
      if (run.cancelled && this.stoppable.isStopped) return { runId, blocks: this.stoppedReport(graph, results, stateOf) };
      // A cancelled run leaves the previews of the blocks it finished; the newer run reports everything.
      if (run.cancelled) return { runId, blocks: [] };
      this.outputs = outputs;
      this.latest = { flow, graph, results, samples };
      await this.dropStale(new Set(run.blocks.flatMap((b) => b.hash ?? [])));
      return { runId, blocks: run.blocks.map((b) => stateOf(results.get(b.blockId) ?? b)) };
    });
  }

  /**
   * Not queued behind the run: it must reach the statement the run is in the middle of. Ends the run in progress and
   * any queued behind it; resolves once it has ended (the studio tears the worker down if that takes too long).
   */
  async cancelRun(): Promise<void> {
    const ended = this.queue;
    this.running?.abort();
    await this.stoppable.stop();
    await ended;
  }

  /**
   * The blocks a stopped run finished, as they are; the block it was computing (the first it had not finished) and
   * those downstream of it stopped (E_RUN_STOPPED), with no output to preview. The blocks it had not reached on other
   * branches are not reported: they keep what they had.
   */
  private stoppedReport(graph: FlowGraph, results: ReadonlyMap<string, BlockResult>, stateOf: (r: BlockResult) => BlockState): BlockState[] {
    const stopped = new Set<string>();
    const stop = (id: string): void => {
      if (stopped.has(id)) return;
      stopped.add(id);
      for (const next of graph.downstream.get(id) ?? []) stop(next);
    };
    const running = graph.order.find((block) => !results.has(block.id));
    if (running) stop(running.id);
    return graph.order.flatMap((block) => {
      const result = results.get(block.id);
      if (result) return [stateOf(result)];
      if (!stopped.has(block.id)) return [];
      for (const port of blockPorts(block).outputs) this.outputs.delete(portKey({ block: block.id, port }));
      // Nor a file to export: the latest finished run's result for it is not the document's any more.
      this.latest?.results.delete(block.id);
      return [toBlockState({ blockId: block.id, status: 'error', outputs: {}, seconds: 0, error: new WrangleError('E_RUN_STOPPED', { block: block.id }, block.id) })];
    });
  }

  async focus(blockId: string | undefined): Promise<void> {
    this.hold.focus(blockId);
  }

  async previewShown(blockId: string): Promise<void> {
    this.hold.release(blockId);
  }

  // Not queued behind the run: it must reach the training that the run is in the middle of.
  async cancelTraining(blockId: string): Promise<void> {
    this.training.cancel(blockId);
  }

  async preview(req: PreviewRequest): Promise<PreviewResult> {
    try {
      return await this.previewPage(req);
    } catch (e) {
      // No rows will be shown: the run need not wait for them.
      this.hold.release(req.blockId);
      throw e;
    }
  }

  private async previewPage(req: PreviewRequest): Promise<PreviewResult> {
    const rel = this.relation(req.blockId, req.port);
    const keys = (req.sort ?? []).map((k) => `${quoteIdent(requireColumn(rel, k.column, 'the previewed output').name)} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`);
    const order = keys.length > 0 ? ` ORDER BY ${keys.join(', ')}` : '';
    const limit = Math.max(0, Math.min(Math.floor(req.limit), MAX_PAGE));
    const offset = Math.max(0, Math.floor(req.offset));
    const arrow = await this.runner.queryArrow(`SELECT * FROM ${rel.ref}${order} LIMIT ${limit} OFFSET ${offset}`);
    return { arrow, totalRows: await this.total(rel.ref) };
  }

  profile(blockId: string, port: string): Promise<TableProfile> {
    return profileTable((sql) => this.runner.query(sql), this.relation(blockId, port));
  }

  chart(req: ChartRequest): Promise<ChartData> {
    return chartData((sql) => this.runner.query(sql), this.relation(req.blockId, req.port), req);
  }

  async itemValues(req: ItemValuesRequest): Promise<Uint8Array> {
    const items = this.relation(req.items.blockId, req.items.port);
    const source = this.relation(req.from.blockId, req.from.port);
    const spec = { itemKey: req.items.key, limit: Math.min(req.limit, MAX_PAGE), sourceKey: req.from.key, column: req.from.column };
    return this.runner.queryArrow(itemValuesSelect(items, source, spec));
  }

  download(blockId: string, port: string, format: 'csv' | 'parquet'): Promise<Uint8Array> {
    return this.files.download(blockId, this.relation(blockId, port), format);
  }

  /**
   * The flow as `wrangle pyspark` writes it. No query runs: duckdb-wasm offline has no json_serialize_sql, so user SQL
   * is read by the studio's parser of DuckDB's grammar, which gives the tree the CLI gets from DuckDB.
   */
  async pysparkJob(flow: FlowDocument, source: string): Promise<string> {
    return pysparkJob(flow, { source, parse: async (sql) => serializeStudioSql(sql) });
  }

  async exportFile(blockId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const latest = this.latest;
    const block = latest?.graph.byId.get(blockId);
    if (!latest || !block || declaredOutputOf(block) === undefined) {
      return fail('E_NO_RESULT', { block: blockId, what: 'export file (it is not a block of the last run that writes one)' });
    }
    const result = latest.results.get(blockId);
    if (result?.status !== 'ok') throw result?.error ?? fail('E_NO_RESULT', { block: blockId, what: 'export file' });
    // An export writes every row: from a sample it would write a different file than the CLI, so it refuses.
    const sample = latest.samples.get(blockId);
    if (sample) fail('E_EXPORT_SAMPLED', { block: blockId, file: declaredOutputOf(block) ?? blockId, inputs: sample.inputs.join(', ') }, blockId);
    const inputs: Record<string, Relation> = {};
    for (const [port, from] of Object.entries(latest.graph.inputsOf.get(blockId) ?? {})) inputs[port] = this.relation(from.block, from.port);
    return this.files.exportBytes(block, inputs);
  }

  private relation(blockId: string, port: string): Relation {
    return this.outputs.get(portKey({ block: blockId, port })) ?? fail('E_NO_RESULT', { block: blockId, what: `result on output "${port}"` });
  }

  private async total(ref: string): Promise<number> {
    let n = this.totals.get(ref);
    if (n === undefined) {
      n = Number((await this.runner.query(`SELECT count(*) AS n FROM ${ref}`))[0]?.n ?? 0);
      this.totals.set(ref, n);
    }
    return n;
  }

  /** Drops the relations no block of the latest run uses, so that edits do not pile up tables in wasm memory. */
  private async dropStale(keep: ReadonlySet<string>): Promise<void> {
    const names = this.executor.evict(keep);
    if (names.length === 0) return;
    const views = new Set((await this.runner.query('SELECT view_name FROM duckdb_views() WHERE NOT internal')).map((r) => String(r.view_name)));
    for (const name of names) {
      this.totals.delete(quoteIdent(name));
      await this.runner.exec(`DROP ${views.has(name) ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteIdent(name)}`);
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A block whose input file could not be loaded reports why, rather than that no file was given. */
function withInputFailure(result: BlockResult, graph: FlowGraph, failures: ReadonlyMap<string, WrangleError>): BlockResult {
  const block = graph.byId.get(result.blockId);
  const input = block && result.status === 'error' ? declaredInputOf(block) : undefined;
  const failure = input ? failures.get(input.name) : undefined;
  return failure ? { ...result, error: failure.inBlock(result.blockId) } : result;
}

/** Streams a state or event to the listener; a listener that fails (e.g. a released comlink proxy) does not fail the run. */
function notify<T>(listener: ((value: T) => void) | undefined, value: T): void {
  try {
    const answer: unknown = listener?.(value);
    if (answer instanceof Promise) answer.catch(() => undefined);
  } catch {
    // The run goes on; the final result carries every state anyway.
  }
}
