import type { FlowDocument } from '../engine/flow/schema';
import { declaredInputOf, declaredInputs } from '../engine/inputs/declared-inputs';
import type { FlowGraph } from '../engine/plan/graph';
import type { BlockResult } from '../engine/run/executor';
import { PREVIEW_SAMPLE_SEED, type SamplePlan } from '../engine/run/preview-sample';
import type { SampleInfo } from './engine-api';
import type { InputFiles } from './input-files';

/** An input whose rows are estimated is sampled only when the estimate is this much above the sample size. */
const ESTIMATE_SLACK = 1.05;

/**
 * The inputs to preview on a sample: those with more rows than `sampleRows`, measured by file bytes first, then
 * counted (a loaded table) or estimated from the first lines.
 */
export async function samplePlans(inputs: InputFiles, flow: FlowDocument, sampleRows: number, loaded: Record<string, unknown>): Promise<Map<string, SamplePlan>> {
  const plans = new Map<string, SamplePlan>();
  if (!(sampleRows > 0)) return plans;
  for (const input of declaredInputs(flow)) {
    if (loaded[input.name] === undefined) continue;
    const measured = await inputs.rowsOf(input.name, sampleRows);
    // An estimate a little above the sample size may be a file that has fewer rows: it is read whole.
    if (measured && measured.rows > sampleRows * (measured.exact ? 1 : ESTIMATE_SLACK)) {
      plans.set(input.name, { rows: Math.floor(sampleRows), seed: PREVIEW_SAMPLE_SEED, total: measured.rows, exact: measured.exact });
    }
  }
  return plans;
}

/** The sample a block's result comes from: its own (it read a sampled file), or the first of the blocks it reads. */
export function sampleOf(result: BlockResult, graph: FlowGraph, samples: ReadonlyMap<string, SampleInfo>): SampleInfo | undefined {
  if (result.status !== 'ok') return undefined;
  if (result.sample) {
    const input = graph.byId.get(result.blockId);
    const declared = input && declaredInputOf(input);
    return { ...result.sample, inputs: declared ? [declared.name] : [] };
  }
  const upstream = Object.values(graph.inputsOf.get(result.blockId) ?? {}).flatMap((from) => samples.get(from.block) ?? []);
  const first = upstream[0];
  if (!first) return undefined;
  return { ...first, inputs: [...new Set(upstream.flatMap((s) => s.inputs))] };
}
