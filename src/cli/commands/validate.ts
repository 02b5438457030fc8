import { declaredInputs } from '../../engine/inputs/declared-inputs';
import { flowArgument, inputOptions, parseCommandArgs, parseInputPairs } from '../args';
import { resolveInputFiles } from '../input-files';
import { loadFlowFile } from '../load-flow';
import { dryRun } from './dry-run';

/** `wrangle validate`: structure always; compilation too when input files are given. */
export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, inputOptions);
  const flowPath = flowArgument(positionals, 'validate');
  const flow = loadFlowFile(flowPath, 'validate');
  const explicit = parseInputPairs(values.input, 'validate');
  const withData = values.data !== undefined || explicit.size > 0;
  let compiled = false;
  if (withData) {
    const result = await dryRun(flow, resolveInputFiles(flow, explicit, values.data, 'validate'), (f) => f);
    const failed = result.blocks.find((b) => b.error);
    if (failed?.error) throw failed.error;
    compiled = true;
  }
  const inputs = declaredInputs(flow);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, flow: flowPath, blocks: flow.blocks.length, inputs, compiled }, null, 2)}\n`);
  } else {
    const list = inputs.map((i) => `${i.name} (${i.file})`).join(', ') || 'none';
    process.stdout.write(`ok: ${flowPath}: ${flow.blocks.length} blocks, ${flow.edges.length} connections; inputs: ${list}${compiled ? '; every block compiles against the given data' : ''}\n`);
  }
  return 0;
}

