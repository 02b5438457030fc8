import type { FlowDocument } from '../../engine/flow/schema';
import { blockPorts } from '../../engine/plan/graph';
import { connectPorts } from './doc-edits';

/**
 * Wires a new block to the block it was added after, where the ports plainly fit: each output feeds the input of the
 * same name (a model's `users` and `items`), else the first output feeds the first input. A connection the document
 * refuses is left out; the user draws it.
 */
export function wireAfter(doc: FlowDocument, fromId: string, toId: string): FlowDocument {
  const from = doc.blocks.find((b) => b.id === fromId);
  const to = doc.blocks.find((b) => b.id === toId);
  if (!from || !to) return doc;
  const outputs = blockPorts(from).outputs;
  const inputs = blockPorts(to).inputs;
  const named = outputs.filter((port) => inputs.includes(port)).map((port) => [port, port] as const);
  const pairs = named.length > 0 ? named : outputs[0] !== undefined && inputs[0] !== undefined ? [[outputs[0], inputs[0]] as const] : [];
  let next = doc;
  for (const [out, input] of pairs) {
    const result = connectPorts(next, { block: fromId, port: out }, { block: toId, port: input });
    if (result.ok) next = result.doc;
  }
  return next;
}
