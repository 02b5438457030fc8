import type { DwNode } from './dw-flow';

export interface NodeOrder {
  /** Nodes whose inputs all come first: the order to translate them in. */
  order: DwNode[];
  /** Nodes on a cycle, or downstream of one: they cannot be placed. */
  blocked: DwNode[];
  problems: string[];
}

/** One cycle among the blocked nodes, as `a → b → a`, for the message. */
function findCycle(blocked: DwNode[]): string[] | undefined {
  const byId = new Map(blocked.map((n) => [n.id, n]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    if (state.get(id) === 'done') return undefined;
    state.set(id, 'open');
    path.push(id);
    for (const input of byId.get(id)?.inputs ?? []) {
      if (!byId.has(input.nodeId)) continue;
      const cycle = visit(input.nodeId);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const n of blocked) {
    const cycle = visit(n.id);
    if (cycle) return cycle.reverse();
  }
  return undefined;
}

/**
 * Orders nodes so that each comes after its inputs (the file's order is not guaranteed to be). An input naming a
 * node that is not in the file is reported; nodes on a cycle are reported and left out.
 */
export function orderNodes(nodes: readonly DwNode[]): NodeOrder {
  const ids = new Set(nodes.map((n) => n.id));
  const problems: string[] = [];
  const waiting = new Map<string, number>();
  const readers = new Map<string, DwNode[]>();
  for (const n of nodes) {
    let count = 0;
    for (const input of n.inputs) {
      if (!ids.has(input.nodeId)) {
        problems.push(`node ${n.id} (${n.operator}) reads node ${input.nodeId}, which is not in the file; that input is left unconnected`);
        continue;
      }
      count++;
      readers.set(input.nodeId, [...(readers.get(input.nodeId) ?? []), n]);
    }
    waiting.set(n.id, count);
  }
  const order: DwNode[] = [];
  const ready = nodes.filter((n) => waiting.get(n.id) === 0);
  while (ready.length > 0) {
    const n = ready.shift()!;
    order.push(n);
    for (const reader of readers.get(n.id) ?? []) {
      const left = waiting.get(reader.id)! - 1;
      waiting.set(reader.id, left);
      if (left === 0) ready.push(reader);
    }
  }
  const placed = new Set(order.map((n) => n.id));
  const blocked = nodes.filter((n) => !placed.has(n.id));
  if (blocked.length > 0) {
    const cycle = findCycle(blocked);
    problems.push(`the flow has a cycle${cycle ? ` (${cycle.join(' → ')})` : ''}: ${blocked.length} node${blocked.length === 1 ? '' : 's'} on it or after it were left out`);
  }
  return { order, blocked, problems };
}
