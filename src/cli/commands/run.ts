import { formatRows } from '../../engine/count-words';
import { availableParallelism, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fail, underlineSpan, WrangleError } from '../../engine/errors/catalog';
import { serializeFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';
import { blockDefinition } from '../../engine/blocks/registry';
import { reportTeller } from '../../engine/blocks/report-telling';
import { declaredOutputOf } from '../../engine/inputs/declared-inputs';
import { buildGraph } from '../../engine/plan/graph';
import { FlowExecutor, type RunResult } from '../../engine/run/executor';
import { StoppableRunner } from '../../engine/sql/stoppable-runner';
import { inputOptions, flowArgument, parseCommandArgs, parseInputPairs } from '../args';
import { resolveInputFiles } from '../input-files';
import { BACKENDS, cliModelHost, type Backend } from '../als-host';
import { blockLabeller, loadFlowFile } from '../load-flow';
import { parseMemoryLimit } from '../memory-limit';
import { NativeRunner } from '../native-runner';
import { SpillDirectory } from '../spill-directory';
import { progressReporter, type ProgressMode } from '../progress';
import { StagedOutput } from '../staged-output';
import { UsageError } from '../usage-error';

const options = {
  ...inputOptions,
  out: { type: 'string' },
  format: { type: 'string' },
  force: { type: 'boolean' },
  refit: { type: 'boolean' },
  'save-flow': { type: 'string' },
  threads: { type: 'string' },
  backend: { type: 'string' },
  'memory-limit': { type: 'string' },
  'temp-dir': { type: 'string' },
} as const;

/** Every output file written in one format, with the file extension to match. */
function withOutputFormat(flow: FlowDocument, format: 'csv' | 'parquet'): FlowDocument {
  const blocks = flow.blocks.map((b) => {
    const reformat = blockDefinition(b.kind).withOutputFormat;
    return reformat ? ({ ...b, params: reformat(b.params, format) } as typeof b) : b;
  });
  return { ...flow, blocks };
}

/** The files the flow writes; two blocks may not write one name. */
function checkDistinctOutputs(flow: FlowDocument): string[] {
  const files: string[] = [];
  for (const b of flow.blocks) {
    const file = declaredOutputOf(b);
    if (file === undefined) continue;
    if (files.includes(file)) fail('E_OUTPUT_DUPLICATE', { file }, b.id);
    files.push(file);
  }
  return files;
}

/** The flow with the state this run fitted stored in it, so it gives the same columns on new data. */
function withFittedState(flow: FlowDocument, result: RunResult): FlowDocument {
  const fitted = new Map(result.blocks.filter((r) => r.fitted !== undefined).map((r) => [r.blockId, r.fitted]));
  return { ...flow, blocks: flow.blocks.map((b) => (fitted.has(b.id) ? { ...b, fitted: fitted.get(b.id) } : b)) };
}

export interface RunSummary {
  ok: boolean;
  flow: string;
  engine: string;
  seconds: number;
  /** Peak resident memory of the whole process (DuckDB included), in MiB. */
  peakMemoryMiB: number;
  /** DuckDB's memory limit, in MiB (--memory-limit). */
  memoryLimitMiB: number;
  /** The most the run had spilled to its private temporary directory at once (sampled every 250 ms), in MiB. */
  spillPeakMiB: number;
  blocks: {
    id: string;
    kind: string;
    status: string;
    rows?: number;
    seconds: number;
    error?: ReturnType<WrangleError['toJSON']>;
    /** What the block's kind tells of its report (`csv`: how an import read its file; `model`: a training's end). */
    [told: string]: unknown;
  }[];
  outputs: { file: string; path: string; rows: number }[];
  error?: ReturnType<WrangleError['toJSON']>;
}

/** `wrangle run`: returns the exit code. */
export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', args, options);
  const flowPath = flowArgument(positionals, 'run');
  const format = values.format;
  if (format !== undefined && format !== 'csv' && format !== 'parquet') throw new UsageError(`--format must be csv or parquet, got "${format}"`, 'run');
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads must be a positive whole number`, 'run');
  const backend = (values.backend ?? 'auto') as Backend;
  if (!BACKENDS.includes(backend)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got "${values.backend}"`, 'run');
  const memoryLimit = parseMemoryLimit(values['memory-limit']);
  const explicit = parseInputPairs(values.input, 'run');
  const outDir = resolve(values.out ?? 'out');
  const mode: ProgressMode = values.json ? 'quiet' : process.stderr.isTTY ? 'tty' : 'plain';

  let flow = loadFlowFile(flowPath, 'run');
  if (format) flow = withOutputFormat(flow, format);
  const exportFiles = checkDistinctOutputs(flow);
  const inputs = resolveInputFiles(flow, explicit, values.data, 'run');
  // Made first: a --temp-dir that cannot hold it is a usage error, before anything else is created.
  const spill = SpillDirectory.create(values['temp-dir'] ?? tmpdir());
  const staged = new StagedOutput();
  const started = performance.now();
  const labelOf = blockLabeller(flow);
  const tellOf = reportTeller(flow);
  const progress = progressReporter(process.stderr, mode, labelOf, tellOf);
  let runner: NativeRunner | undefined;
  // The private directories go however the process ends but a SIGKILL: `exit` also runs on a second Ctrl-C.
  const removeSpill = () => {
    spill.remove();
    staged.discard();
  };
  const onTerminate = () => process.exit(143);
  process.on('exit', removeSpill);
  process.on('SIGTERM', onTerminate);
  // A first Ctrl-C stops the query running now and ends the run (nothing is published); a second one leaves at once.
  const interrupted = new AbortController();
  let stoppable: StoppableRunner | undefined;
  const onInterrupt = () => {
    if (interrupted.signal.aborted) process.exit(130);
    interrupted.abort();
    void stoppable?.stop();
  };
  process.on('SIGINT', onInterrupt);
  try {
    spill.watch();
    runner = await NativeRunner.open({
      readableFiles: Object.values(inputs).map((i) => i.path),
      // Exactly the staged exports (and the `tmp_` file DuckDB's COPY writes first when its target exists).
      writableFiles: exportFiles.flatMap((f) => [staged.path(f), staged.path(`tmp_${f}`)]),
      writableDirectories: [],
      spillDirectory: spill.path,
      memoryLimitBytes: memoryLimit,
      threads,
    });
    stoppable = new StoppableRunner(runner);
    if (interrupted.signal.aborted) await stoppable.stop();
    const executor = new FlowExecutor(stoppable);
    const result = await executor.run(flow, {
      preset: 'cli',
      signal: interrupted.signal,
      inputs,
      refit: values.refit === true,
      sinkPath: (file) => staged.path(file),
      onEvent: progress.onEvent,
      models: cliModelHost({ threads, backend }),
    });
    const failed = result.blocks.find((b) => b.status === 'error') ?? (result.cancelled ? stoppedBlock(flow, result) : undefined);
    const summary: RunSummary = {
      ok: result.ok,
      flow: flowPath,
      engine: `duckdb ${await runner.version()}`,
      seconds: (performance.now() - started) / 1000,
      peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      memoryLimitMiB: Math.round(memoryLimit / 2 ** 20),
      spillPeakMiB: Math.round(spill.peakBytes() / 2 ** 20),
      blocks: result.blocks.map((b) => ({
        id: b.blockId,
        kind: flow.blocks.find((x) => x.id === b.blockId)!.kind,
        status: b.status,
        ...(b.rows !== undefined ? { rows: b.rows } : {}),
        seconds: Number(b.seconds.toFixed(3)),
        ...(b.error ? { error: b.error.toJSON() } : {}),
        ...tellOf(b.blockId, b.report).json,
      })),
      outputs: [],
      ...(failed?.error ? { error: failed.error.toJSON() } : {}),
    };
    if (result.ok) {
      const written = staged.publish(outDir, exportFiles, values.force === true);
      summary.outputs = result.blocks.flatMap((b) => {
        const wrote = tellOf(b.blockId, b.report).wrote;
        return wrote ? [{ file: wrote.fileName, path: written[exportFiles.indexOf(wrote.fileName)]!, rows: wrote.rows }] : [];
      });
      if (values['save-flow']) writeFileSync(values['save-flow'], serializeFlow(withFittedState(flow, result)));
    }
    report(summary, values.json === true);
    return result.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onTerminate);
    process.off('exit', removeSpill);
    progress.stop();
    runner?.close();
    spill.remove();
    staged.discard();
  }
}

/** The block a Ctrl-C stopped: the first one the run did not finish. */
function stoppedBlock(flow: FlowDocument, result: RunResult): { error: WrangleError } | undefined {
  const finished = new Set(result.blocks.map((b) => b.blockId));
  const block = buildGraph(flow).order.find((b) => !finished.has(b.id));
  return block ? { error: new WrangleError('E_RUN_STOPPED', { block: block.id }, block.id) } : undefined;
}

function report(summary: RunSummary, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  if (!summary.ok) {
    const e = summary.error;
    // The bad part of an expression or query, underlined under its line, as the studio underlines it in the form.
    const underline = underlineSpan(e?.span).map((l) => `${l}\n`).join('');
    process.stderr.write(`error: ${e ? `${e.blockId ? `block "${e.blockId}": ` : ''}${e.code}: ${e.message}` : 'the flow failed'}\n${underline}No output was written.\n`);
    return;
  }
  const lines = summary.outputs.map((o) => `  ${o.path}  (${formatRows(o.rows)})`);
  process.stderr.write(`Done in ${summary.seconds.toFixed(2)}s. Wrote:\n${lines.join('\n') || '  (no exports)'}\n`);
}
