/**
 * The data part of each sample flow on local Spark, compared with `wrangle run`: every block before the model blocks,
 * each output that feeds a model block exported. A check by hand, beside the Spark tier (which runs the music
 * workshop and a table of cases per kind):
 *
 *   npx tsx scripts/spark-sample-flows.ts                                   # the tier's PySpark (.venv-spark)
 *   WRANGLE_SPARK_VENV=.venv-spark35 npx tsx scripts/spark-sample-flows.ts  # another one, e.g. Spark 3.5
 *
 * Fitted state the sample files lack (multi-hot labels) is fitted by the CLI run and saved with --save-flow, which
 * is the flow the job is written from. Exits 1 when an export differs.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/testing/run-cli';
import { runCliInProcess } from '../src/testing/run-cli-in-process';
import { readParquet, rowDifferences, runSparkJobs, sparkPython, type SparkJob } from '../src/testing/spark-jobs';

interface Block {
  id: string;
  kind: string;
  params: Record<string, unknown>;
}
interface Port {
  block: string;
  port: string;
}
interface Flow {
  blocks: Block[];
  edges: { from: Port; to: Port }[];
  view?: unknown;
}

const MODEL_KINDS = new Set(['train-als', 'tune', 'predict', 'evaluate', 'recommend', 'similar-items']);
const SAMPLE_FLOWS: Record<string, string> = { 'music-recommendation': 'music', 'movie-ratings': 'movielens', playlists: 'playlists', 'ratings-als': 'movielens' };

function upstream(flow: Flow, id: string, seen = new Set<string>()): Set<string> {
  for (const e of flow.edges) {
    if (e.to.block === id && !seen.has(e.from.block)) {
      seen.add(e.from.block);
      upstream(flow, e.from.block, seen);
    }
  }
  return seen;
}

/** The flow's blocks that read no model, with an export for each output that feeds one. */
function dataPart(flow: Flow): Flow {
  const kind = new Map(flow.blocks.map((b) => [b.id, b.kind]));
  const kept = flow.blocks.filter((b) => !MODEL_KINDS.has(b.kind) && ![...upstream(flow, b.id)].some((u) => MODEL_KINDS.has(kind.get(u)!)));
  const ids = new Set(kept.map((b) => b.id));
  const feeding = new Map(flow.edges.filter((e) => ids.has(e.from.block) && !ids.has(e.to.block)).map((e) => [`${e.from.block}.${e.from.port}`, e.from]));
  const exports = [...feeding.values()].map((from) => ({ from, block: { id: `export_${from.block}_${from.port}`, kind: 'export', params: { file: `${from.block}-${from.port}.csv` } } }));
  return {
    ...flow,
    view: undefined,
    blocks: [...kept, ...exports.map((x) => x.block)],
    edges: [...flow.edges.filter((e) => ids.has(e.from.block) && ids.has(e.to.block)), ...exports.map((x) => ({ from: x.from, to: { block: x.block.id, port: 'in' } }))],
  };
}

async function main(): Promise<number> {
  if (!sparkPython) throw new Error('No PySpark: run node scripts/ensure-spark.mjs (or set WRANGLE_SPARK_VENV).');
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-sample-spark-'));
  mkdirSync(join(dir, 'spark'), { recursive: true });
  const jobs: SparkJob[] = [];
  const files: Record<string, string[]> = {};
  for (const [name, data] of Object.entries(SAMPLE_FLOWS)) {
    const part = dataPart(JSON.parse(readFileSync(join(repoRoot, 'sample-data/flows', `${name}.flow.json`), 'utf8')) as Flow);
    const path = join(dir, `${name}.flow.json`);
    writeFileSync(path, JSON.stringify(part));
    const inputs = [...new Set(part.blocks.filter((b) => b.kind === 'import').map((b) => `${String(b.params.input)}=${join(repoRoot, 'sample-data', data, String(b.params.file))}`))];
    const inputArgs = inputs.flatMap((i) => ['--input', i]);
    const fitted = join(dir, `${name}.fitted.flow.json`);
    const cli = await runCliInProcess(['run', path, ...inputArgs, '--out', join(dir, 'cli', name), '--format', 'parquet', '--save-flow', fitted]);
    if (cli.code !== 0) throw new Error(`wrangle run ${name}: ${cli.stderr}`);
    const job = join(dir, `${name}.py`);
    const exported = await runCliInProcess(['pyspark', fitted, '-o', job]);
    if (exported.code !== 0) throw new Error(`wrangle pyspark ${name}: ${exported.stderr}`);
    jobs.push({ name, job, argv: [...inputArgs, '--out', join(dir, 'spark', name), '--format', 'parquet'] });
    files[name] = part.blocks.filter((b) => b.kind === 'export').map((b) => String(b.params.file).replace(/\.csv$/, '.parquet'));
    console.log(`${name}: ${part.blocks.map((b) => b.kind).join(', ')}`);
  }
  const run = await runSparkJobs(jobs, dir);
  console.log(`Spark ${run.spark}: ${Object.entries(run.results).map(([n, r]) => `${n} ${r.ok ? `${r.seconds} s` : `failed: ${r.error}`}`).join(', ')}`);
  let differ = 0;
  for (const [name, exports] of Object.entries(files)) {
    if (!run.results[name]?.ok) continue;
    for (const file of exports) {
      const cli = await readParquet(join(dir, 'cli', name, file));
      const spark = await readParquet(join(dir, 'spark', name, file));
      const columns = JSON.stringify(cli.columns) === JSON.stringify(spark.columns);
      const rows = rowDifferences(cli.rows, spark.rows);
      if (!columns || rows.length > 0) differ++;
      console.log(`${name}/${file}: ${cli.rows.length} rows × ${cli.columns.length} columns; columns ${columns ? 'equal' : 'differ'}; ${rows.length === 0 ? 'rows equal' : rows.join(' | ')}`);
    }
  }
  return differ > 0 || Object.values(run.results).some((r) => !r.ok) ? 1 : 0;
}

process.exitCode = await main();
