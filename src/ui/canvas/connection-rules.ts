import { blockPorts } from '../../engine/plan/graph';
import type { FlowBlock, FlowDocument, FlowEdge } from '../../engine/flow/schema';

const nameOf = (block: FlowBlock): string => `“${block.label ?? block.id}”`;

/** Whether `from` can reach `to` by following connections downstream. */
function reaches(doc: FlowDocument, from: string, to: string): boolean {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of doc.edges) if (e.from.block === id) pending.push(e.to.block);
  }
  return false;
}

/**
 * Why a connection cannot be made, in words for the user, or undefined when it can. The canvas asks while a line
 * is being dragged, so a wrong target is refused before the drop; the store checks again when it connects.
 */
export function connectionProblem(doc: FlowDocument, edge: FlowEdge): string | undefined {
  const from = doc.blocks.find((b) => b.id === edge.from.block);
  const to = doc.blocks.find((b) => b.id === edge.to.block);
  if (!from || !to) return 'That block no longer exists.';
  if (from.id === to.id) return 'A block cannot read its own output.';
  if (!blockPorts(from).outputs.includes(edge.from.port)) return `${nameOf(from)} has no output “${edge.from.port}”.`;
  if (!blockPorts(to).inputs.includes(edge.to.port)) return `${nameOf(to)} has no input “${edge.to.port}”.`;
  // A taken input is no problem: the drop replaces its connection (one undo step, with a note saying which).
  const existing = doc.edges.find((e) => e.to.block === to.id && e.to.port === edge.to.port);
  if (existing && existing.from.block === from.id && existing.from.port === edge.from.port) return 'These ports are already connected.';
  if (reaches(doc, to.id, from.id)) return `That would make a loop: ${nameOf(from)} already reads from ${nameOf(to)}.`;
  return undefined;
}
