import { blockDefinition } from '../blocks/registry';
import type { BlockDefinition, Compiled, FileResolver, Prepared, Relation, SourceReading, WrittenFile } from '../blocks/contract';
import { fail, WrangleError } from '../errors/catalog';
import type { FlowBlock } from '../flow/schema';
import type { FlowGraph } from '../plan/graph';
import { contentHash } from '../plan/hash';
import type { SqlRunner } from '../sql/sql-runner';
import { checkUserSql } from '../sql/user-sql-guard';
import { classifyError } from './classify-error';
import type { BlockResult, ExecuteOptions, InputFile } from './executor';
import type { IdentityMode, LoadedResult, Materializer } from './materialize';
import { startsRowIdentity } from './materialize-policy';
import { IDENTITY_PREFIX, isIdentityColumn } from '../blocks/row-identity';
import { sampledSelect, type SampleFacts } from './preview-sample';
import type { RunPreset } from './presets';
import { relationName, type ResultCache } from './result-cache';

/** What one block's step works with: the engine, the results so far, and how the host runs the flow. */
export interface StepEnv {
  runner: SqlRunner;
  cache: ResultCache;
  materializer: Materializer;
  graph: FlowGraph;
  results: ReadonlyMap<string, BlockResult>;
  preset: RunPreset;
  options: ExecuteOptions;
  script: string[];
}

type AnyDefinition = BlockDefinition<unknown, unknown, unknown, unknown>;

/**
 * Runs one block: connects its inputs, fits it, hashes it, reads its file, compiles it, has DuckDB check its user
 * SQL, trains it, and materialises its result (or takes it from the cache), then writes its sink.
 */
export async function runBlockStep(env: StepEnv, block: FlowBlock): Promise<BlockResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const def = blockDefinition(block.kind) as AnyDefinition;
  // What the block reads, for its explanation of an engine error ("Did you mean" a column it has).
  let connectedInputs: Record<string, Relation> = {};
  try {
    const connected = connectInputs(env, block, def);
    if (!connected) return { blockId: block.id, status: 'blocked', outputs: {}, seconds: 0 };
    const { upstream } = connected;
    const identity = identityMode(env.graph, block, def, connected.inputs);
    const inputs = identityInputs(connected.inputs, identity, def);
    connectedInputs = connected.inputs;
    if (def.prepare && env.preset.dryRun) {
      // A script of the flow holds its SQL; a model is trained (or scored) outside it, so the script stops there.
      env.script.push(`-- block "${block.id}" (${block.kind}) runs outside SQL: it and the blocks that read it are left out`);
      return { blockId: block.id, status: 'blocked', outputs: {}, seconds: 0 };
    }
    const files = fileResolver(env.options.inputs);
    const { fitted, newlyFitted } = await fitBlock(env, block, def, connected.inputs, files);
    const declared = def.declaredInput?.(block.params);
    // A block that reads a file depends on the file's content, not only on its settings.
    const fingerprint = declared ? env.options.inputs[declared.name]?.fingerprint : undefined;
    // A sample of the file is another result than the whole file: the plan goes into the hash.
    const sample = declared && fingerprint !== undefined && !env.preset.dryRun ? env.options.studio?.sample?.(block.id, declared.name) : undefined;
    const hash = contentHash({
      kind: block.kind,
      params: block.params,
      fitted,
      upstream,
      source: fingerprint,
      ...(sample ? { sample } : {}),
      ...(identity === 'rowid' ? { identity } : {}),
    });
    const cached = env.cache.get(hash);
    let prepared = cached?.prepared;
    // A result kept whole as a table may be made while the block reads its file (an import's check is its load).
    let loaded: LoadedResult | undefined;
    const loadResult = async (select: string) => (loaded = await env.materializer.loadResult(hash, select)).rows;
    const loadsEarly = () => env.preset.loadWhileReading && !sample && env.materializer.keepsTable(env.graph, block, identity, false);
    const source = cached ? cached.source : await readSource(env, def, block, files, hash, def.readSource && loadsEarly() ? loadResult : undefined);
    const seen = source ? { source } : {};
    const base = { blockId: block.id, params: block.params, inputs, fitted, files, ...seen };
    // SQL blocks compile before anything is dropped, so a bad edit fails fast and keeps the previous result.
    let compiled = def.prepare ? undefined : def.compile(base);
    for (const sql of compiled?.userSql ?? []) await checkUserSql(env.runner, sql);
    if (env.preset.dropSuperseded) await env.cache.dropSuperseded(env.runner, block.id, hash);
    if (def.prepare && !prepared) prepared = await prepare(env, def, block, inputs, files, hash);
    compiled ??= def.compile({ ...base, ...(prepared ? { prepared } : {}) });
    const firstRows = !cached && !compiled.sink && !env.preset.dryRun ? env.options.studio?.firstRows : undefined;
    let first: string | undefined;
    if (firstRows?.wants(block.id)) {
      const view = await env.materializer.firstRows(hash, compiled.select);
      await firstRows.show(block.id, view.relation);
      first = view.name;
    }
    const toKeep = sample && !compiled.sink ? { ...compiled, select: sampledSelect(compiled.select, await describeSelect(env, compiled.select), sample) } : compiled;
    const kept = cached ?? { ...(await env.materializer.result(hash, toKeep, env.graph, block, identity, identityRows(compiled, inputs), loaded)), ...(prepared ? { prepared } : {}), ...seen };
    if (!cached && compiled.counts && !env.preset.dryRun) kept.counted = await countResult(env, compiled.counts, kept.outputs);
    // Dropped with the result, not now: a preview of the first rows may still be reading it.
    if (first !== undefined) kept.relations.push(first);
    if (!cached && !env.preset.dryRun) env.cache.set(hash, kept);
    const sinkPath = env.options.sinkPath;
    const written: WrittenFile | undefined = compiled.sink && sinkPath ? await env.materializer.sink(compiled, sinkPath(compiled.sink.fileName)) : undefined;
    const firstRow = env.preset.dryRun ? undefined : (port: string) => firstRowOf(env.runner, kept.outputs[port]);
    const counted = kept.counted;
    const report = await def.report?.({
      ...seen,
      ...(prepared ? { prepared } : {}),
      ...(written ? { written } : {}),
      ...(firstRow ? { firstRow } : {}),
      ...(counted ? { counted } : {}),
    });
    return {
      blockId: block.id,
      status: 'ok',
      hash,
      outputs: kept.outputs,
      ...(kept.rows !== undefined ? { rows: kept.rows } : written ? { rows: written.rows } : {}),
      seconds: seconds(),
      sql: compiled.select,
      ...(newlyFitted !== undefined ? { fitted: newlyFitted } : {}),
      ...(cached ? { cached: true } : {}),
      ...(report !== undefined ? { report } : {}),
      ...(sample && kept.rows !== undefined ? { sample: { rows: kept.rows, of: sample.total, exact: sample.exact } satisfies SampleFacts } : {}),
    };
  } catch (e) {
    const error = classifyError(e, block.id, def.explainError ? (m) => def.explainError!(m, block.params, connectedInputs) : undefined);
    return { blockId: block.id, status: 'error', outputs: {}, seconds: seconds(), error };
  }
}

/** The block's input relations by port, and what each comes from; undefined when an upstream block did not succeed. */
function connectInputs(env: StepEnv, block: FlowBlock, def: AnyDefinition) {
  const inputs: Record<string, Relation> = {};
  const upstream: Record<string, string> = {};
  for (const port of def.inputs(block.params)) {
    const ref = env.graph.inputsOf.get(block.id)?.[port] ?? fail('E_PORT_UNCONNECTED', { port });
    const from = env.results.get(ref.block);
    if (!from || from.status !== 'ok') return undefined;
    const upstreamBlock = env.graph.byId.get(ref.block);
    inputs[port] = { ...from.outputs[ref.port]!, from: upstreamBlock?.label || ref.block };
    upstream[port] = `${from.hash}/${ref.port}`;
  }
  return { inputs, upstream };
}

/**
 * How the block's result relates to a row identity (row-identity.ts): an import kept as a table starts one; a block
 * whose kind keeps or makes one carries it, unless a column of its inputs or its settings has the identity's names
 * (a file's column, a formula's output), which would be taken for the identity's.
 */
function identityMode(graph: FlowGraph, block: FlowBlock, def: AnyDefinition, inputs: Record<string, Relation>): IdentityMode {
  if (startsRowIdentity(graph, block)) return 'rowid';
  if (def.rowIdentity !== 'keeps' && def.rowIdentity !== 'makes') return 'none';
  const mentions = JSON.stringify(block.params ?? null).toLowerCase().includes(IDENTITY_PREFIX);
  const named = Object.values(inputs).some((rel) => rel.columns.some((c) => isIdentityColumn(c.name)));
  return mentions || named ? 'none' : 'carried';
}

/**
 * The inputs a block compiles against: a block that keeps the identity reads the relation with it (its `*` passes
 * the identity on); one that makes its own reads `identity` itself; any other never sees it.
 */
function identityInputs(inputs: Record<string, Relation>, identity: IdentityMode, def: AnyDefinition): Record<string, Relation> {
  const each = (f: (rel: Relation) => Relation) => Object.fromEntries(Object.entries(inputs).map(([port, rel]) => [port, f(rel)]));
  if (identity !== 'carried') return each(({ identity: _dropped, ...rel }) => rel);
  if (def.rowIdentity === 'keeps') return each((rel) => (rel.identity ? { ...rel, ref: rel.identity.ref } : rel));
  return inputs;
}

/** How many rows lead the order of the identity the block's result carries (RowIdentity.rows). */
function identityRows(compiled: Compiled, inputs: Record<string, Relation>): number {
  return compiled.identityRows ?? Object.values(inputs).find((rel) => rel.identity)?.identity?.rows ?? 0;
}

/** The block's fitted state: the flow's, or learnt now when it has none or the host asks to refit. */
async function fitBlock(env: StepEnv, block: FlowBlock, def: AnyDefinition, inputs: Record<string, Relation>, files: FileResolver) {
  const { refit } = env.options;
  const again = refit === true || (refit instanceof Set && refit.has(block.id));
  if (!def.fit || (block.fitted !== undefined && !again)) return { fitted: block.fitted, newlyFitted: undefined };
  const newlyFitted = await def.fit({ blockId: block.id, params: block.params, inputs, query: (sql) => env.runner.query(sql), files });
  return { fitted: newlyFitted, newlyFitted };
}

/** Runs a block's `counts` SELECT over its first output; numbers come back as plain numbers (DuckDB counts are BIGINT). */
async function countResult(env: StepEnv, counts: (result: string) => string, outputs: Record<string, Relation>): Promise<Record<string, unknown> | undefined> {
  const result = Object.values(outputs)[0];
  if (!result) return undefined;
  const [row] = await env.runner.query(counts(result.ref));
  if (!row) return undefined;
  return Object.fromEntries(Object.entries(row).map(([name, value]) => [name, typeof value === 'bigint' ? Number(value) : value]));
}

/** Runs a model block's training (never in a dry run: it is not SQL). */
async function prepare(env: StepEnv, def: AnyDefinition, block: FlowBlock, inputs: Record<string, Relation>, files: FileResolver, hash: string): Promise<Prepared> {
  const { runner, options } = env;
  const models = options.models ?? fail('E_TRAINER_MISSING', { block: block.id });
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

/** Lets a block look at its file before it compiles (an import settles its CSV dialect); scratch tables go by the hash. */
async function readSource(
  env: StepEnv,
  def: AnyDefinition,
  block: FlowBlock,
  files: FileResolver,
  hash: string,
  loadResult: ((select: string) => Promise<number>) | undefined,
): Promise<SourceReading | undefined> {
  if (!def.readSource) return undefined;
  const { runner } = env;
  return def.readSource({
    blockId: block.id,
    params: block.params,
    files,
    query: (sql) => runner.query(sql),
    exec: (sql) => runner.exec(sql),
    table: (suffix) => `${relationName(hash)}_${suffix}`,
    ...(loadResult ? { loadResult } : {}),
  });
}

/** The first row of an output, for a report read from a block's own one-row result. */
async function firstRowOf(runner: SqlRunner, output: Relation | undefined): Promise<Record<string, unknown> | undefined> {
  return output ? (await runner.query(`SELECT * FROM ${output.ref} LIMIT 1`))[0] : undefined;
}

/** The columns a SELECT gives, without running it (for a file, DuckDB reads only its header or metadata). */
async function describeSelect(env: StepEnv, select: string) {
  const rows = await env.runner.query(`DESCRIBE ${select}`);
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

function fileResolver(inputs: Record<string, InputFile>): FileResolver {
  return {
    inputPath: (name) => inputs[name]?.path ?? fail('E_INPUT_UNMAPPED', { name, file: 'a file' }),
    inputTable: (name) => inputs[name]?.table,
    inputEncoding: (name) => inputs[name]?.encoding,
  };
}

/** The result of a block the user stopped: reported failed without computing anything. */
export function stoppedResult(blockId: string): BlockResult {
  return { blockId, status: 'error', outputs: {}, seconds: 0, error: new WrangleError('E_RUN_STOPPED', { block: blockId }, blockId) };
}
