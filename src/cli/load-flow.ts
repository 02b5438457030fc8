import { readFileSync } from 'node:fs';
import { parseFlow } from '../engine/flow/parse';
import type { FlowDocument } from '../engine/flow/schema';
import { buildGraph } from '../engine/plan/graph';
import { UsageError } from './usage-error';

/** Reads, migrates and validates a flow file, wiring included. Flow problems throw WrangleErrors (exit 1). */
export function loadFlowFile(path: string, command: string): FlowDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `flow file not found: ${path}` : `cannot read flow file ${path}: ${String(e)}`, command);
  }
  const flow = parseFlow(text);
  buildGraph(flow);
  return flow;
}

/** The label a person knows a block by: its label, else its id, with the kind. */
export function blockLabeller(flow: FlowDocument): (id: string) => string {
  const byId = new Map(flow.blocks.map((b) => [b.id, b]));
  return (id) => {
    const b = byId.get(id);
    return b ? `${b.label ?? b.id} (${b.kind})` : id;
  };
}
