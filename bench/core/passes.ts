/**
 * How the core bench runs a flow through the CLI, and the reference runs it times beside the workshop on the same
 * files (see flows.ts): the single unsorted pass (the flow computed once, written once, no split); the sorted pass
 * (the same, with every row's split unit and one sort by the ratings' id: the least a byte-identical run can do);
 * the flow with its exports sorted by that id instead of by every column (the best case of a row identity); and the
 * same with no split table, each export computing the flow itself.
 */
import { rmSync } from 'node:fs';
import { runCli } from '../../src/testing/run-cli';
import type { BenchFlows } from './flows';
import { workshopSplitSql } from './split-sql';

/** What `wrangle run --json` says of a run. */
export interface RunSummary {
  seconds: number;
  peakMemoryMiB: number;
  memoryLimitMiB: number;
  spillPeakMiB: number;
  outputs: { file: string; rows: number }[];
}

/** Runs a flow through the CLI; the wall time is the whole command's, start-up included. */
export async function runFlow(flow: string, data: string, out: string, format: 'csv' | 'parquet', extra: string[]) {
  const started = performance.now();
  const r = await runCli(['run', flow, '--data', data, '--out', out, '--force', '--json', '--format', format, ...extra]);
  const wallSeconds = (performance.now() - started) / 1000;
  if (r.code !== 0) throw new Error(`wrangle run ${flow} failed on ${data}:\n${r.stderr}`);
  return { wallSeconds, summary: JSON.parse(r.stdout) as RunSummary };
}

export type ReferenceName = 'single' | 'sorted' | 'idOrdered' | 'computedTwice';

/** The reference flows for one data set: the split's unit expression depends on its column types, so once per size. */
export function referenceFlows(flows: BenchFlows, data: string): Record<ReferenceName, string> {
  const split = workshopSplitSql(data);
  rmSync(split.scratch, { recursive: true, force: true });
  return { single: flows.singlePass, sorted: flows.sortedPass(split.unit), idOrdered: flows.idOrdered, computedTwice: flows.computedTwice(split.unit) };
}

/** One round of the reference runs: engine seconds of each, and the single pass's wall time. */
export async function referencePasses(refs: Record<ReferenceName, string>, data: string, out: string, format: 'csv' | 'parquet', extra: string[]) {
  const engine = {} as Record<ReferenceName, number>;
  let singleWall = 0;
  for (const name of Object.keys(refs) as ReferenceName[]) {
    const run = await runFlow(refs[name], data, out, format, extra);
    engine[name] = run.summary.seconds;
    if (name === 'single') singleWall = run.wallSeconds;
  }
  return { engine, singleWall };
}
