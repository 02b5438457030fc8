/**
 * The reference runs of the workshop flow the core bench times beside the real one, through the CLI on the same
 * files (see flows.ts): the single unsorted pass (the flow computed once, written once, no split); the sorted pass
 * (the same, with every row's split unit and one sort by the ratings' id: the least a byte-identical run can do);
 * the flow with its exports sorted by that id instead of by every column (the best case of a row identity); and the
 * same with no split table, each export computing the flow itself.
 * Each gives the CLI's engine seconds and the wall time of the whole command.
 */
import { rmSync } from 'node:fs';
import { runCli } from '../../src/testing/run-cli';
import type { BenchFlows } from './flows';
import { workshopSplitSql } from './split-sql';

export interface PassSeconds {
  engine: number;
  wall: number;
}

async function runPass(flow: string, data: string, out: string, format: 'csv' | 'parquet', extra: string[]): Promise<PassSeconds> {
  const started = performance.now();
  const r = await runCli(['run', flow, '--data', data, '--out', out, '--force', '--json', '--format', format, ...extra]);
  const wall = (performance.now() - started) / 1000;
  if (r.code !== 0) throw new Error(`${flow} failed on ${data}:\n${r.stderr}`);
  return { engine: (JSON.parse(r.stdout) as { seconds: number }).seconds, wall };
}

export async function referencePasses(flows: BenchFlows, data: string, out: string, format: 'csv' | 'parquet', extra: string[]) {
  const single = await runPass(flows.singlePass, data, out, format, extra);
  const split = workshopSplitSql(data);
  rmSync(split.scratch, { recursive: true, force: true });
  const sorted = await runPass(flows.sortedPass(split.unit), data, out, format, extra);
  const idOrdered = await runPass(flows.idOrdered, data, out, format, extra);
  const computedTwice = await runPass(flows.computedTwice(split.unit), data, out, format, extra);
  return { single, sorted, idOrdered, computedTwice };
}
